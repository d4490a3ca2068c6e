// The SMART coach's warnings on the new-action and edit forms: a summary at the top, each warning under the
// field it marks with its suggestion, and the reason box for keeping the action as written. Pure.
import { COACH_FIELDS, SMART_CHECKS, type CoachFinding } from '../domain/smart-checks.js';
import type { z } from 'zod';
import type { coachData } from './card-data-parts.js';

export type CoachData = z.infer<typeof coachData>;

export function coachBlock(findings: readonly CoachFinding[] = [], problem: string | null = null): CoachData {
  const fields = Object.fromEntries(
    COACH_FIELDS.map((field) => [
      field,
      findings
        .filter((f) => f.field === field)
        .map((f) => ({
          line: `⚠ ${SMART_CHECKS[f.check]}: ${f.message}.`,
          suggestion: `Try: ${f.suggestion}`,
        })),
    ]),
  ) as CoachData['fields'];
  const n = findings.length;
  return {
    shown: n > 0,
    heading: n
      ? `The SMART coach has ${n} suggestion${n === 1 ? '' : 's'}, marked under the fields. Change the action, or keep it as written and say why below: the reason is kept with it.`
      : '',
    problem: problem ?? '',
    seen: findings.map((f) => f.code).join(','),
    fields,
  };
}

/** The milestone pairs of a form, from what was typed or the action's own. */
export function milestoneValues(value: (n: 1 | 2 | 3, part: 'step' | 'date') => string) {
  return {
    milestone1: value(1, 'step'),
    milestone1Date: value(1, 'date'),
    milestone2: value(2, 'step'),
    milestone2Date: value(2, 'date'),
    milestone3: value(3, 'step'),
    milestone3Date: value(3, 'date'),
  };
}

/** A spreadsheet import's warnings, a line per row: "Row 4 (Look into street drinking): Specific: ...". */
export function rowWarningLines(
  rows: readonly { row: number; title: string; findings: readonly CoachFinding[] }[],
): string[] {
  return rows.map(
    (r) =>
      `Row ${r.row} (${r.title.length > 50 ? `${r.title.slice(0, 47)}...` : r.title}): ${r.findings
        .map((f) => `${SMART_CHECKS[f.check]}: ${f.message}`)
        .join('; ')}`,
  );
}
