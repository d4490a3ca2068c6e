// What happens to the SMART coach's warnings (smart-coach.ts): shown on the form, and kept with the action
// once its author accepts them with a reason, so the plan's weak spots stay visible ("actions to review").
import { reasonOfSubstance } from './reasons.js';
import { cleanText } from './text.js';
import {
  COACH_CODES,
  type CoachCode,
  type CoachField,
  type CoachFinding,
  type SmartCheck,
} from './smart-checks.js';
import type { PersonRef } from './entity.js';

export interface KeptWarning {
  code: CoachCode;
  check: SmartCheck;
  field: CoachField;
  message: string;
}

/** The warnings an action was saved with. */
export interface WarningsKept {
  warnings: KeptWarning[];
  /** Why its author kept it as written; null when it came from a spreadsheet and nobody has reviewed it yet. */
  reason: string | null;
  by: PersonRef;
  at: string;
}

export type WarningsDecision =
  /** No warnings: nothing to keep. */
  | { kind: 'clear' }
  /** Every warning was shown and a reason given: saved with them. */
  | { kind: 'accepted'; kept: WarningsKept }
  /** Show the form again with these; `problem` says why (a new warning, no reason, a reason too long). */
  | { kind: 'ask'; findings: CoachFinding[]; problem: string | null };

export interface AcceptanceInput {
  findings: readonly CoachFinding[];
  /** The warning codes the author was shown (the form carries them), and those the action already keeps. */
  seen: readonly string[];
  reason: string | null | undefined;
  by: PersonRef;
  at: Date;
}

/** Saved only once the author has seen every warning and said why the action stays as it is. */
export function decideWarnings(input: AcceptanceInput): WarningsDecision {
  const { findings } = input;
  if (!findings.length) return { kind: 'clear' };
  const unseen = findings.filter((f) => !input.seen.includes(f.code));
  if (unseen.length) return { kind: 'ask', findings: [...findings], problem: null };
  if (!cleanText(input.reason ?? ''))
    return {
      kind: 'ask',
      findings: [...findings],
      problem: 'Fix what the coach points out, or say in a few words why the action stays as written',
    };
  const checked = reasonOfSubstance(input.reason, 'the action stays as written');
  if (!checked.ok) return { kind: 'ask', findings: [...findings], problem: checked.message };
  const warnings = findings.map(keptWarning);
  const { reason } = checked;
  return { kind: 'accepted', kept: { warnings, reason, by: input.by, at: input.at.toISOString() } };
}

/** The codes a form carries back ("vague_opening,no_place"), unknown ones dropped. */
export function warningCodesOf(raw: string | undefined | null): CoachCode[] {
  return (raw ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is CoachCode => (COACH_CODES as readonly string[]).includes(c));
}

/** Whether an action is one to review: it carries warnings, accepted with a reason or not yet reviewed. */
export function hasWarnings(action: { warnings?: WarningsKept | null }): boolean {
  return (action.warnings?.warnings.length ?? 0) > 0;
}

/** What is kept of a finding: the suggestion is the coach's, and is shown again from the code when needed. */
export function keptWarning({ code, check, field, message }: CoachFinding): KeptWarning {
  return { code, check, field, message };
}
