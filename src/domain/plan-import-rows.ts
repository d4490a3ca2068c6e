// A plan spreadsheet's rows, read: each row's cells checked and typed, with messages that name the row and
// the column. Pure: the spreadsheet reader (src/spreadsheets) makes the rows, the import use case uses them.
import { z } from 'zod';
import { ACTION_STATUSES, STATUS_LABELS, type ActionStatus } from './action.js';
import { isLocalDate } from './dates.js';
import { PRIORITY_SOURCES, type PrioritySource } from './priority.js';

export type PlanField =
  'ref' | 'priority' | 'source' | 'title' | 'measure' | 'target' | 'ownerEmails' | 'dueDate' | 'status';

/** One spreadsheet row as read: each cell's text (dates as YYYY-MM-DD) and where it is ("C7"). */
export interface ImportRow {
  row: number;
  cells: Partial<Record<PlanField, { text: string; isDate: boolean; at: string }>>;
}

const SOURCE_NAMES: Record<string, PrioritySource> = {
  'county priority': 'county_priority',
  county: 'county_priority',
  'town profile': 'town_profile',
  "residents' survey": 'residents_survey',
  'residents survey': 'residents_survey',
  survey: 'residents_survey',
  partnership: 'partnership',
};

const STATUS_NAMES: Record<string, ActionStatus> = Object.fromEntries(
  ACTION_STATUSES.flatMap((s) => [
    [s, s],
    [STATUS_LABELS[s].toLowerCase(), s],
  ]),
);

const text = (label: string) =>
  z
    .string({ error: `${label} is empty` })
    .trim()
    .min(1, `${label} is empty`);

/** The cells of one row, typed; the messages name the column. */
const rowSchema = z.object({
  ref: z.string().trim().toUpperCase().optional(),
  priority: text('Priority'),
  source: z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v) return 'partnership';
      const key = v.trim().toLowerCase();
      const found = SOURCE_NAMES[key] ?? (PRIORITY_SOURCES as readonly string[]).find((s) => s === key);
      if (found) return found as PrioritySource;
      c.addIssue({
        code: 'custom',
        message: `Source "${v}": use county priority, town profile, residents' survey or partnership`,
      });
      return z.NEVER;
    }),
  title: text('Action'),
  measure: text('Measure'),
  target: text('Target'),
  ownerEmails: text('Owner e-mails').transform((v, c) => {
    const emails = v
      .split(/[;,\s]+/)
      .filter(Boolean)
      .map((e) => e.toLowerCase());
    for (const e of emails)
      if (!z.email().safeParse(e).success)
        c.addIssue({ code: 'custom', message: `Owner e-mails: "${e}" is not an e-mail address` });
    return emails;
  }),
  dueDate: text('Due').transform((v, c) => {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : v;
    if (isLocalDate(iso)) return iso;
    c.addIssue({
      code: 'custom',
      message: `Due "${v}" is not a date: use a date cell, 2027-03-31 or 31/03/2027`,
    });
    return z.NEVER;
  }),
  status: z
    .string()
    .optional()
    .transform((v, c) => {
      if (!v) return 'not_started';
      const found = STATUS_NAMES[v.trim().toLowerCase()];
      if (found) return found;
      c.addIssue({
        code: 'custom',
        message: `Status "${v}": use Not started, In progress, Blocked, Done or Cancelled`,
      });
      return z.NEVER;
    }),
});
export type ParsedRow = z.output<typeof rowSchema> & { row: number };

/** The rows that read cleanly; every problem with the others goes into `problems`. */
export function parseRows(rows: readonly ImportRow[], problems: string[]): ParsedRow[] {
  const out: ParsedRow[] = [];
  for (const r of rows) {
    const values = Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.text]));
    const parsed = rowSchema.safeParse(values);
    if (parsed.success) out.push({ ...parsed.data, row: r.row });
    else
      for (const i of parsed.error.issues) problems.push(`Row ${r.row}${where(r, i.path[0])}: ${i.message}`);
  }
  return out;
}

function where(r: ImportRow, field: PropertyKey | undefined): string {
  const at = typeof field === 'string' ? r.cells[field as PlanField]?.at : undefined;
  return at ? `, column ${at.replace(/\d+$/, '')}` : '';
}
