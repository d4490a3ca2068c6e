// The five SMART checks and the warnings the coach (smart-coach.ts) can give: their codes, the fields they
// mark, and the plain words the help card uses for each check.

export const SMART_CHECKS = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  relevant: 'Relevant',
  time_bound: 'Time-bound',
} as const;
export type SmartCheck = keyof typeof SMART_CHECKS;

/** The checks in plain words, for the help card (docs/SMART-COACH.md says more). */
export const SMART_CHECK_HELP: Record<SmartCheck, string> = {
  specific: 'Says what will be done and where: a deed, not "look into" or "tackle"; a street, area or venue',
  measurable: 'A target anyone can check: a number, a percentage, a date or a named deliverable, not "less"',
  achievable:
    'Owners not overloaded; partnership work shared across agencies; time enough for the kind of work',
  relevant: 'Serves a priority of the plan; the plan shows the priorities no action serves yet',
  time_bound: 'A due date inside the plan; a dated milestone when it is more than six months away',
};

export const COACH_CODES = [
  'vague_opening',
  'no_place',
  'bare_comparison',
  'target_not_checkable',
  'measure_not_countable',
  'owner_overloaded',
  'single_agency',
  'too_soon',
  'needs_milestone',
] as const;
export type CoachCode = (typeof COACH_CODES)[number];

/** The form fields a finding can mark, in the order the forms show them. */
export const COACH_FIELDS = ['title', 'measure', 'target', 'ownerIds', 'dueDate', 'milestones'] as const;
export type CoachField = (typeof COACH_FIELDS)[number];

export interface CoachFinding {
  code: CoachCode;
  check: SmartCheck;
  field: CoachField;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to write instead. */
  suggestion: string;
}
