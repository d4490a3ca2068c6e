// What importing a plan spreadsheet would change, worked out in full before anything is written: the new
// priorities, the actions to create and to update, and every problem (any problem, and nothing is written).
// Rows match existing actions by reference, or by priority and title, so the same sheet again changes nothing.
import { validateNewAction, type Action, type ActionDraft } from './action.js';
import { keptText, screenFields } from './personal-data.js';
import { personalDataSummary } from './personal-data-findings.js';
import type { DeliveryPlan } from './plan.js';
import { newPriority, type Priority } from './priority.js';
import type { LocalDate } from './dates.js';
import type { Member } from './member.js';
import type { TownSlug } from './towns.js';
import { parseRows, type ImportRow, type ParsedRow } from './plan-import-rows.js';

export interface ImportScope {
  town: TownSlug;
  townName: string;
  plan: DeliveryPlan;
  priorities: readonly Priority[];
  members: readonly Member[];
  /** The town's actions, whole: rows are compared with each action's measure and target. */
  actions: readonly Action[];
  today: LocalDate;
  newId: () => string;
}

export interface ImportChanges {
  problems: string[];
  newPriorities: Priority[];
  creates: { row: ParsedRow; draft: ActionDraft }[];
  updates: { before: Action; after: Action }[];
  unchanged: number;
}

export function planImportChanges(rows: readonly ImportRow[], scope: ImportScope): ImportChanges {
  const { town, plan, members, actions } = scope;
  const problems: string[] = [];
  const parsed = parseRows(rows, problems);
  const seen = new Map<string, number>();
  for (const r of parsed) {
    const key = `${norm(r.priority)}|${norm(r.title)}`;
    const first = seen.get(key);
    if (first) problems.push(`Row ${r.row}: repeats row ${first} (same priority and action)`);
    else seen.set(key, r.row);
  }

  // Priorities named in the sheet that the plan does not have yet are created with it.
  const allPriorities = [...scope.priorities];
  const newPriorities: Priority[] = [];
  for (const r of parsed) {
    if (allPriorities.some((p) => norm(p.title) === norm(r.priority))) continue;
    const p = newPriority(
      { town, planId: plan.id, title: r.priority, theme: r.priority, source: r.source },
      scope.newId(),
    );
    if (!p.ok) problems.push(...p.error.map((i) => `Row ${r.row}: ${i.message}`));
    else {
      allPriorities.push(p.value);
      newPriorities.push(p.value);
    }
  }

  const creates: ImportChanges['creates'] = [];
  const updates: ImportChanges['updates'] = [];
  let unchanged = 0;
  const knownNames = members.map((m) => m.displayName);
  for (const r of parsed) {
    const priority = allPriorities.find((p) => norm(p.title) === norm(r.priority));
    if (!priority) continue; // reported above
    const owners = ownersOf(r, members, scope.townName, problems);
    const existing =
      (r.ref ? actions.find((a) => a.ref === r.ref) : undefined) ??
      actions.find(
        (a) => a.planId === plan.id && a.priorityId === priority.id && norm(a.title) === norm(r.title),
      );
    if (r.ref && existing && norm(existing.title) !== norm(r.title))
      problems.push(`Row ${r.row}: ${r.ref} is "${existing.title}" here, not "${r.title}"`);
    const typed = { title: r.title, measure: r.measure, target: r.target };
    const screening = screenFields(typed, { knownNames });
    // Only text the guard lets through is imported: a warning cannot be confirmed from a sheet.
    const text = keptText(typed, screening, false);
    if (!text) problems.push(`Row ${r.row}: looks like personal details (${personalDataSummary(screening)})`);
    if (!owners || !text) continue;
    if (existing) {
      const after = {
        ...existing,
        measure: text.measure ?? r.measure,
        target: text.target ?? r.target,
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
        title: text.title,
        measure: text.measure,
        target: text.target,
        ownerIds: owners.map((o) => o.aadObjectId),
        dueDate: r.dueDate,
      },
      {
        today: plan.periodStart < scope.today ? plan.periodStart : scope.today,
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
  return { problems, newPriorities, creates, updates, unchanged };
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
