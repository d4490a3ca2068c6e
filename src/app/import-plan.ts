// Imports a town's delivery plan from spreadsheet rows into its current plan: every row is checked (zod for
// the cells, then the same SMART rules as the bot's form) before anything is written; any problem, and
// nothing is written. Rows match existing actions by reference, or by priority and title, so importing the
// same sheet again changes nothing. Without transactions, "nothing or all" is kept by checking everything
// first and by writes that are safe to repeat: an import cut short is finished by running it again.
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.js';
import {
  ACTION_STATUSES,
  completeAction,
  STATUS_LABELS,
  validateNewAction,
  type Action,
  type ActionDraft,
  type ActionStatus,
} from '../domain/action.js';
import { isLocalDate } from '../domain/dates.js';
import { screenFields } from '../domain/personal-data.js';
import { personalDataSummary } from '../domain/personal-data-findings.js';
import { reviseIfApproved, type DeliveryPlan } from '../domain/plan.js';
import { newPriority, PRIORITY_SOURCES, type Priority, type PrioritySource } from '../domain/priority.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { recordPlanRevision } from './plans.js';
import { today as todayOf } from './read-models.js';
import { listWholeActions } from './whole-actions.js';
import type { Actor } from '../domain/entity.js';
import type { Member } from '../domain/member.js';
import type { AppContext } from './context.js';

export type PlanField =
  'ref' | 'priority' | 'source' | 'title' | 'measure' | 'target' | 'ownerEmails' | 'dueDate' | 'status';

/** One spreadsheet row as read: each cell's text (dates as YYYY-MM-DD) and where it is ("C7"). */
export interface ImportRow {
  row: number;
  cells: Partial<Record<PlanField, { text: string; isDate: boolean; at: string }>>;
}

export interface ImportOutcome {
  plan: DeliveryPlan;
  dryRun: boolean;
  newPriorities: string[];
  created: string[];
  updated: string[];
  unchanged: number;
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
type ParsedRow = z.output<typeof rowSchema> & { row: number };

export async function importPlan(
  ctx: AppContext,
  actor: Actor,
  request: { town: TownSlug; rows: readonly ImportRow[]; dryRun: boolean; reason?: string | null },
): Promise<Result<ImportOutcome, AppError>> {
  const { town } = request;
  const name = townBySlug(town).name;
  const access = await authorise(ctx, actor, town, 'coordinate');
  if (!access.ok) return access;
  const { stores } = ctx;
  const day = todayOf(ctx);
  const plans = await stores.plans.listByTown(town);
  const plan = plans.find((p) => p.periodStart <= day && day <= p.periodEnd) ?? plans[0];
  if (!plan)
    return fail(
      new AppError(ErrorCode.NotFound, `${name} has no delivery plan to import into: create one first`),
    );
  if (!request.rows.length)
    return fail(new AppError(ErrorCode.Validation, 'The sheet has no rows under its header'));

  const [priorities, members, actions] = await Promise.all([
    stores.priorities.listByPlan(plan.id),
    stores.members.listByTown(town),
    listWholeActions(ctx, town), // rows are compared with each action's measure and target
  ]);
  const problems: string[] = [];
  const parsed = parseRows(request.rows, problems);
  const seen = new Map<string, number>();
  for (const r of parsed) {
    const key = `${norm(r.priority)}|${norm(r.title)}`;
    const first = seen.get(key);
    if (first) problems.push(`Row ${r.row}: repeats row ${first} (same priority and action)`);
    else seen.set(key, r.row);
  }

  // Priorities named in the sheet that the plan does not have yet are created with it.
  const allPriorities = [...priorities];
  const newPriorities: Priority[] = [];
  for (const r of parsed) {
    if (allPriorities.some((p) => norm(p.title) === norm(r.priority))) continue;
    const p = newPriority(
      { town, planId: plan.id, title: r.priority, theme: r.priority, source: r.source },
      ctx.ids.newId(),
    );
    if (!p.ok) problems.push(...p.error.map((i) => `Row ${r.row}: ${i.message}`));
    else {
      allPriorities.push(p.value);
      newPriorities.push(p.value);
    }
  }

  const creates: { row: ParsedRow; draft: ActionDraft }[] = [];
  const updates: { before: Action; after: Action }[] = [];
  let unchanged = 0;
  for (const r of parsed) {
    const priority = allPriorities.find((p) => norm(p.title) === norm(r.priority));
    if (!priority) continue; // reported above
    const owners = ownersOf(r, members, name, problems);
    const existing =
      (r.ref ? actions.find((a) => a.ref === r.ref) : undefined) ??
      actions.find(
        (a) => a.planId === plan.id && a.priorityId === priority.id && norm(a.title) === norm(r.title),
      );
    if (r.ref && existing && norm(existing.title) !== norm(r.title))
      problems.push(`Row ${r.row}: ${r.ref} is "${existing.title}" here, not "${r.title}"`);
    const knownNames = members.map((m) => m.displayName);
    const screening = screenFields({ title: r.title, measure: r.measure, target: r.target }, { knownNames });
    if (screening.verdict !== 'clear')
      problems.push(`Row ${r.row}: looks like personal details (${personalDataSummary(screening)})`);
    if (!owners) continue;
    if (existing) {
      const after = {
        ...existing,
        measure: r.measure,
        target: r.target,
        owners,
        dueDate: r.dueDate,
        status: r.status,
      };
      if (same(existing, after)) unchanged++;
      else updates.push({ before: existing, after: { ...after, blockedReason: blockedReasonOf(after) } });
      continue;
    }
    const draft = validateNewAction(
      {
        town,
        planId: plan.id,
        priorityId: priority.id,
        title: r.title,
        measure: r.measure,
        target: r.target,
        ownerIds: owners.map((o) => o.aadObjectId),
        dueDate: r.dueDate,
      },
      {
        today: plan.periodStart < day ? plan.periodStart : day,
        plan,
        priorities: allPriorities,
        members,
        taskGroup: null,
      },
    );
    if (!draft.ok) {
      problems.push(...draft.error.map((i) => `Row ${r.row}: ${i.message}`));
      continue;
    }
    const status = r.status;
    creates.push({
      row: r,
      draft: { ...draft.value, status, blockedReason: blockedReasonOf({ status, blockedReason: null }) },
    });
  }
  if (plan.status === 'approved' && (creates.length || newPriorities.length)) {
    const check = reviseIfApproved(
      plan,
      'Imported from a spreadsheet',
      request.reason,
      { aadObjectId: actor.id, displayName: actor.name },
      ctx.clock.now(),
    );
    if (!check.ok)
      problems.push(`The plan is approved: give the reason for the import (--reason), kept as its revision`);
  }
  if (problems.length)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `Nothing was imported: ${problems.length} problem${problems.length > 1 ? 's' : ''}`,
        {
          issues: problems.map((message) => ({ field: 'sheet', message })),
        },
      ),
    );

  const outcome: ImportOutcome = {
    plan,
    dryRun: request.dryRun,
    newPriorities: newPriorities.map((p) => p.title),
    created: creates.map((c) => c.row.title),
    updated: updates.map((u) => u.before.ref),
    unchanged,
  };
  if (request.dryRun) return ok(outcome);

  for (const p of newPriorities) {
    const entity = { kind: 'priority' as const, id: p.id, label: p.title };
    await stores.priorities.insert(
      p,
      audit(ctx, { actor, change: 'priority.imported', entity, town, before: null, after: p }),
    );
  }
  const created: string[] = [];
  for (const { draft } of creates) {
    const action = completeAction(draft, {
      id: ctx.ids.newId(),
      ref: await stores.actions.nextRef(town),
      now: ctx.clock.now(),
      actor,
    });
    const entity = { kind: 'action' as const, id: action.id, label: action.ref };
    await stores.actions.insert(
      action,
      audit(ctx, { actor, change: 'action.imported', entity, town, before: null, after: action }),
    );
    created.push(`${action.ref} ${action.title}`);
  }
  for (const { before, after } of updates) {
    const entity = { kind: 'action' as const, id: before.id, label: before.ref };
    const next = { ...after, updatedAt: ctx.clock.now().toISOString() };
    const result = await stores.actions.update(
      next,
      before.version,
      audit(ctx, { actor, change: 'action.imported', entity, town, before, after: next }),
    );
    if (result.kind !== 'updated')
      return fail(
        new AppError(
          ErrorCode.StaleVersion,
          `${before.ref} changed during the import: run it again to finish`,
        ),
      );
  }
  if (plan.status === 'approved' && (creates.length || newPriorities.length)) {
    const revised = await recordPlanRevision(
      ctx,
      actor,
      plan.id,
      `Imported from a spreadsheet: ${creates.length} actions, ${newPriorities.length} priorities`,
      request.reason,
    );
    if (!revised.ok) return fail(revised.error);
  }
  return ok({ ...outcome, created });
}

function parseRows(rows: readonly ImportRow[], problems: string[]): ParsedRow[] {
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

function ownersOf(r: ParsedRow, members: readonly Member[], town: string, problems: string[]) {
  const owners: { aadObjectId: string; displayName: string }[] = [];
  let good = true;
  for (const email of new Set(r.ownerEmails)) {
    const m = members.find((x) => x.email.toLowerCase() === email);
    if (!m) {
      problems.push(`Row ${r.row}: owner ${email} is not a member of the ${town} partnership`);
      good = false;
    } else if (m.accessRole === 'viewer') {
      problems.push(`Row ${r.row}: owner ${email} is a viewer in ${town} and cannot own actions`);
      good = false;
    } else owners.push({ aadObjectId: m.aadObjectId, displayName: m.displayName });
  }
  return good ? owners : null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function same(a: Action, b: Action): boolean {
  const ids = (x: Action) =>
    x.owners
      .map((o) => o.aadObjectId)
      .sort()
      .join(',');
  return (
    a.measure === b.measure &&
    a.target === b.target &&
    a.dueDate === b.dueDate &&
    a.status === b.status &&
    ids(a) === ids(b)
  );
}

function blockedReasonOf(a: Pick<Action, 'status' | 'blockedReason'>): string | null {
  if (a.status !== 'blocked') return null;
  return a.blockedReason ?? 'Blocked (as imported from the plan spreadsheet)';
}
