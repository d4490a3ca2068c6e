// The work of each SARA stage, recorded on a problem-solving plan: scanning evidence; the problem analysis
// triangle and measures; linked response actions; the assessment and lessons; then publishing a closed
// plan to the cross-town best-practice library. Each step belongs to one stage and is refused in others.
import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import type { ProblemPlan, ProblemType, SaraStage } from './problem.js';
import { placeFiguresOf } from './place-assessment.js';
import type { TownCrimeMonth } from './crime-aggregate.js';

export const SARA_LABELS: Record<SaraStage, string> = {
  scanning: 'Scanning',
  analysis: 'Analysis',
  response: 'Response',
  assessment: 'Assessment',
  closed: 'Closed',
};

const MAX_MEASURES = 5;
const MAX_RESPONSE_ACTIONS = 20;

function inStage(plan: ProblemPlan, stage: SaraStage, what: string): Validated<ProblemPlan> {
  return plan.stage === stage
    ? ok(plan)
    : fail([
        issue(
          'stage',
          `${what} belongs to ${SARA_LABELS[stage].toLowerCase()}; ${plan.ref} is at ${SARA_LABELS[plan.stage].toLowerCase()}`,
        ),
      ]);
}

function parsed<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const r = schema.safeParse(input);
  return r.success ? ok(r.data) : fail(r.error.issues.map((i) => issue(i.path.join('.'), i.message)));
}

export function recordScanning(plan: ProblemPlan, evidence: unknown): Validated<ProblemPlan> {
  const stage = inStage(plan, 'scanning', 'Scanning evidence');
  if (!stage.ok) return stage;
  const text = parsed(textField('Scanning evidence', TEXT_LIMITS.longText), evidence);
  return text.ok ? ok({ ...plan, scanningEvidence: text.value }) : text;
}

const side = (label: string) => textField(label, 500);
const triangleSchema = z.object({
  offender: side('Offender'),
  victim: side('Victim or target'),
  place: side('Place'),
  handler: side('Handler'),
  guardian: side('Guardian'),
  manager: side('Place manager'),
  hypothesis: textField('Hypothesis', TEXT_LIMITS.longText),
});

/** The problem analysis triangle: who offends, who or what is targeted, where; and who can influence each. */
export function recordAnalysis(plan: ProblemPlan, input: unknown): Validated<ProblemPlan> {
  const stage = inStage(plan, 'analysis', 'The problem analysis triangle');
  if (!stage.ok) return stage;
  const triangle = parsed(triangleSchema, input);
  return triangle.ok ? ok({ ...plan, analysis: triangle.value }) : triangle;
}

const figure = (label: string) =>
  z
    .number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) })
    .min(0, `${label} cannot be negative`);
const measureSchema = z.object({
  name: textField('Measure', TEXT_LIMITS.measure),
  baseline: figure('Baseline'),
  target: figure('Target'),
});

export function addMeasure(plan: ProblemPlan, input: unknown): Validated<ProblemPlan> {
  const stage = inStage(plan, 'analysis', 'Setting measures');
  if (!stage.ok) return stage;
  const m = parsed(measureSchema, input);
  if (!m.ok) return m;
  if (plan.measures.length >= MAX_MEASURES)
    return fail([
      issue('measures', `At most ${MAX_MEASURES} measures: keep to what shows the objective is met`),
    ]);
  if (m.value.baseline === m.value.target)
    return fail([issue('target', 'The target must differ from the baseline: it is the change you want')]);
  return ok({ ...plan, measures: [...plan.measures, { ...m.value, after: null }] });
}

export function linkResponseAction(plan: ProblemPlan, actionId: string): Validated<ProblemPlan> {
  const stage = inStage(plan, 'response', 'Linking response actions');
  if (!stage.ok) return stage;
  if (plan.responseActionIds.includes(actionId))
    return fail([issue('actionId', 'That action is linked already')]);
  if (plan.responseActionIds.length >= MAX_RESPONSE_ACTIONS)
    return fail([issue('actionId', `At most ${MAX_RESPONSE_ACTIONS} response actions`)]);
  return ok({ ...plan, responseActionIds: [...plan.responseActionIds, actionId] });
}

const assessmentSchema = z.object({
  delivered: z.boolean(),
  outcome: textField('Outcome', TEXT_LIMITS.longText),
  displacement: textField('Displacement', TEXT_LIMITS.longText),
  after: z.array(figure('After value')),
});

/** Before and after against each measure, whether the response was delivered, and any displacement. */
export function recordAssessment(plan: ProblemPlan, input: unknown): Validated<ProblemPlan> {
  const stage = inStage(plan, 'assessment', 'The assessment');
  if (!stage.ok) return stage;
  const a = parsed(assessmentSchema, input);
  if (!a.ok) return a;
  if (a.value.after.length !== plan.measures.length)
    return fail([issue('after', `Give the after value of each of the ${plan.measures.length} measures`)]);
  const measures = plan.measures.map((m, i) => ({ ...m, after: a.value.after[i]! }));
  const { after: _after, ...assessment } = a.value;
  return ok({ ...plan, measures, assessment });
}

/** police.uk's figures at the place, from the town's months as imported; recorded again, they replace. */
export function recordPlaceFigures(
  plan: ProblemPlan,
  input: unknown,
  months: readonly TownCrimeMonth[],
  at: Date,
): Validated<ProblemPlan> {
  const stage = inStage(plan, 'assessment', 'The police.uk figures');
  if (!stage.ok) return stage;
  const figures = placeFiguresOf(input, months, at);
  return figures.ok ? ok({ ...plan, placeFigures: figures.value }) : figures;
}

export function recordLessons(plan: ProblemPlan, lessons: unknown): Validated<ProblemPlan> {
  const stage = inStage(plan, 'assessment', 'Lessons learned');
  if (!stage.ok) return stage;
  const text = parsed(textField('Lessons learned', TEXT_LIMITS.longText), lessons);
  return text.ok ? ok({ ...plan, lessons: text.value }) : text;
}

/** Whether each measure moved from its baseline toward its target, and by how much of the way. */
export function measureResults(plan: ProblemPlan): { name: string; share: number | null }[] {
  return plan.measures.map((m) => ({
    name: m.name,
    share: m.after === null ? null : Math.round(((m.after - m.baseline) / (m.target - m.baseline)) * 100),
  }));
}

export interface LibraryEntry {
  publishedAt: string;
  publishedBy: string;
  theme: string;
}

/** A closed plan, shared with the other towns: what worked, and what did not. */
export function publish(
  plan: ProblemPlan & { library?: LibraryEntry | null },
  entry: { at: Date; by: string; theme: unknown },
): Validated<ProblemPlan & { library: LibraryEntry }> {
  if (plan.stage !== 'closed')
    return fail([
      issue(
        'stage',
        `Only a closed plan can go to the library; ${plan.ref} is at ${SARA_LABELS[plan.stage].toLowerCase()}`,
      ),
    ]);
  if (plan.library) return fail([issue('library', `${plan.ref} is in the library already`)]);
  const theme = parsed(textField('Theme', TEXT_LIMITS.theme), entry.theme);
  if (!theme.ok) return theme;
  return ok({
    ...plan,
    library: { publishedAt: entry.at.toISOString(), publishedBy: entry.by, theme: theme.value },
  });
}

/** Library search: every word must appear in the theme, title, objective, hotspot or lessons. */
export function matchesLibrary(
  plan: ProblemPlan & { library?: LibraryEntry | null },
  query: { words: string[]; type: ProblemType | null },
): boolean {
  if (!plan.library) return false;
  if (query.type && plan.type !== query.type) return false;
  const haystack = [plan.library.theme, plan.title, plan.objective, plan.hotspot, plan.lessons ?? '']
    .join(' ')
    .toLowerCase();
  return query.words.every((w) => haystack.includes(w.toLowerCase()));
}
