import { z } from 'zod';
import { fail, issue, ok, type Issue, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townBySlug, townSlugSchema, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';
import type { PlaceFigures } from './place-assessment.js';

/** SARA: scanning, analysis, response, assessment; then closed with lessons learned. */
export const SARA_STAGES = ['scanning', 'analysis', 'response', 'assessment', 'closed'] as const;
export type SaraStage = (typeof SARA_STAGES)[number];
export const PROBLEM_TYPES = ['place', 'people', 'behaviour'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** The problem analysis triangle; the people sides hold case-system references only, never details. */
interface TriangleAnalysis {
  offender: string;
  victim: string;
  place: string;
  handler: string;
  guardian: string;
  manager: string;
  hypothesis: string;
}

interface ProblemMeasure {
  name: string;
  baseline: number;
  target: number;
  after: number | null;
}

export interface ProblemPlan extends Versioned {
  town: TownSlug;
  ref: string;
  type: ProblemType;
  title: string;
  hotspot: string;
  objective: string;
  stage: SaraStage;
  caseRefs: string[];
  scanningEvidence: string | null;
  analysis: TriangleAnalysis | null;
  responseActionIds: string[];
  measures: ProblemMeasure[];
  assessment: { delivered: boolean; outcome: string; displacement: string } | null;
  /** police.uk's counts at the place before and after, with the town and the neighbouring streets. */
  placeFigures?: PlaceFigures | null;
  lessons: string | null;
  /** Set when a closed plan is published to the cross-town best-practice library. */
  library?: { publishedAt: string; publishedBy: string; theme: string } | null;
  demo: boolean;
}

/** A case-system reference such as "ECINS 123456" or "NICHE-2024-0012": letters, then digits. */
const CASE_REF = /^[A-Za-z][A-Za-z]{1,15}[ -]?[0-9][0-9-]{1,19}$/;
/** House number and street: a home address, which a hotspot must not be. */
const HOME_ADDRESS =
  /\b\d+[a-z]?,?\s+[A-Z][a-z]+(\s[A-Z][a-z]+)*\s+(Road|Street|Lane|Avenue|Close|Drive|Way|Terrace|Crescent|Gardens|Place|Court|Hill|Row)\b/;

const problemInputSchema = z.object({
  town: townSlugSchema,
  type: z.enum(PROBLEM_TYPES, { error: () => 'Problem type must be place, people or behaviour' }),
  title: textField('Title', TEXT_LIMITS.title),
  hotspot: textField('Hotspot', TEXT_LIMITS.title),
  objective: textField('Objective', TEXT_LIMITS.longText),
  caseRefs: z
    .array(
      z
        .string()
        .trim()
        .regex(CASE_REF, 'Case references look like "ECINS 123456": a system name and a number'),
    )
    .max(50)
    .default([]),
  demo: z.boolean().default(false),
});

export function newProblemPlan(input: unknown, meta: { id: string; seq: number }): Validated<ProblemPlan> {
  const parsed = problemInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const p = parsed.data;
  if (HOME_ADDRESS.test(p.hotspot)) {
    return fail([issue('hotspot', 'Name a place or area (e.g. "Lemon Quay underpass"), not a home address')]);
  }
  const ref = `${townBySlug(p.town).code}-P${String(meta.seq).padStart(2, '0')}`;
  return ok({
    ...p,
    id: meta.id,
    version: 1,
    ref,
    stage: 'scanning',
    scanningEvidence: null,
    analysis: null,
    responseActionIds: [],
    measures: [],
    assessment: null,
    lessons: null,
  });
}

/** Stages move forward one at a time, and only when the work of the current stage is recorded. */
export function advanceStage(plan: ProblemPlan): Validated<ProblemPlan> {
  const index = SARA_STAGES.indexOf(plan.stage);
  const next = SARA_STAGES[index + 1];
  if (!next) return fail([issue('stage', `${plan.ref} is closed`)]);
  const missing: Issue[] = [];
  if (plan.stage === 'scanning' && !plan.scanningEvidence)
    missing.push(issue('scanningEvidence', 'Record the scanning evidence before analysis'));
  if (plan.stage === 'analysis' && !plan.analysis?.hypothesis)
    missing.push(
      issue('analysis', 'Complete the problem analysis triangle and a hypothesis before responding'),
    );
  if (plan.stage === 'analysis' && plan.measures.length === 0)
    missing.push(issue('measures', 'Set at least one measure with a baseline and a target'));
  if (plan.stage === 'response' && plan.responseActionIds.length === 0)
    missing.push(issue('responseActionIds', 'Link at least one response action before assessment'));
  if (plan.stage === 'assessment' && !plan.assessment)
    missing.push(
      issue(
        'assessment',
        'Record the assessment (delivered? outcome against baseline, displacement) before closing',
      ),
    );
  if (plan.stage === 'assessment' && plan.measures.some((m) => m.after === null))
    missing.push(issue('measures', 'Record the after value of every measure before closing'));
  if (plan.stage === 'assessment' && !plan.lessons)
    missing.push(issue('lessons', 'Record the lessons learned before closing'));
  return missing.length ? fail(missing) : ok({ ...plan, stage: next });
}
