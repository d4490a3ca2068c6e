import { z } from 'zod';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS, textField } from './text.js';
import { townSlugSchema, type TownSlug } from './towns.js';
import type { Versioned } from './entity.js';
import { priorityEvidenceSchema, type PriorityEvidence } from './priority-evidence.js';

/** Where a local priority comes from: the evidence base a delivery plan must be tied to. */
export const PRIORITY_SOURCES = [
  'county_priority',
  'town_profile',
  'residents_survey',
  'partnership',
] as const;
export type PrioritySource = (typeof PRIORITY_SOURCES)[number];

export interface Priority extends Versioned {
  town: TownSlug;
  planId: string;
  title: string;
  theme: string;
  source: PrioritySource;
  /** For a priority from the town profile: the police.uk figure it rests on (priority-evidence.ts). */
  evidence?: PriorityEvidence | null;
  demo: boolean;
}

const priorityInputSchema = z.object({
  town: townSlugSchema,
  planId: z.string().min(1, 'Plan is required'),
  title: textField('Priority title', TEXT_LIMITS.title),
  theme: textField('Theme', TEXT_LIMITS.theme),
  source: z.enum(PRIORITY_SOURCES, {
    error: () =>
      'Source must be a county priority, the town profile, the residents survey or the partnership',
  }),
  evidence: priorityEvidenceSchema.nullable().optional(),
  demo: z.boolean().default(false),
});

export function newPriority(input: unknown, id: string): Validated<Priority> {
  const parsed = priorityInputSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => issue(i.path.join('.'), i.message)));
  const { evidence, ...rest } = parsed.data;
  // Only a priority from the town profile cites police.uk's figures.
  return ok({ ...rest, ...(rest.source === 'town_profile' && evidence ? { evidence } : {}), id, version: 1 });
}
