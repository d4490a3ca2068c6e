// The channel tab's "Town board": a town's actions as cards on a board by status, each carrying what the
// filters ask of it (priority, task group, owner, agency, RAG, overdue), and the choices each filter offers.
// Pure: the records in, plain rows out; the page filters them without asking the server again.
import { ACTION_STATUSES, type ActionHeadline, type ActionStatus } from './action.js';
import { dueState, ragOf, type Rag } from './due.js';
import type { LocalDate } from './dates.js';
import type { Member } from './member.js';
import type { Priority } from './priority.js';
import type { TaskGroup } from './task-group.js';

interface BoardCard {
  id: string;
  version: number;
  ref: string;
  title: string;
  status: ActionStatus;
  dueDate: LocalDate;
  /** Days until due (negative when overdue); null when closed. */
  days: number | null;
  overdue: boolean;
  rag: Rag | null;
  priorityId: string;
  taskGroupId: string | null;
  owners: { id: string; name: string; agency: string }[];
}

interface BoardFacets {
  priorities: { id: string; title: string }[];
  taskGroups: { id: string; title: string }[];
  owners: { id: string; name: string }[];
  agencies: string[];
}

export interface TownBoard {
  statuses: readonly ActionStatus[];
  cards: BoardCard[];
  facets: BoardFacets;
}

const UNKNOWN_AGENCY = 'Not recorded';
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function townBoard(input: {
  actions: readonly ActionHeadline[];
  priorities: readonly Priority[];
  groups: readonly TaskGroup[];
  members: readonly Member[];
  today: LocalDate;
  dueSoonDays: number;
}): TownBoard {
  const agencyOf = new Map(input.members.map((m) => [m.aadObjectId, m.organisation]));
  const priorityRank = new Map(input.priorities.map((p, i) => [p.id, i]));
  const cards = input.actions
    // Actions whose text the retention policy removed are kept for the counts only.
    .filter((a) => !a.redactedAt)
    .map((a): BoardCard => {
      const due = dueState(a, input.today, input.dueSoonDays);
      return {
        id: a.id,
        version: a.version,
        ref: a.ref,
        title: a.title,
        status: a.status,
        dueDate: a.dueDate,
        days: due.kind === 'closed' ? null : due.days,
        overdue: due.kind === 'overdue',
        rag: ragOf(a, input.today),
        priorityId: a.priorityId,
        taskGroupId: a.taskGroupId,
        owners: a.owners.map((o) => ({
          id: o.aadObjectId,
          name: o.displayName,
          agency: agencyOf.get(o.aadObjectId) ?? UNKNOWN_AGENCY,
        })),
      };
    })
    // The plan's order of priorities, then soonest due. ISO dates and references compare as plain strings
    // (localeCompare, with its collation, costs ten times more over a town's thousands of actions).
    .sort(
      (a, b) =>
        (priorityRank.get(a.priorityId) ?? 1e9) - (priorityRank.get(b.priorityId) ?? 1e9) ||
        byText(a.dueDate, b.dueDate) ||
        byText(a.ref, b.ref),
    );
  const owners = new Map<string, string>();
  const agencies = new Set<string>();
  for (const card of cards)
    for (const owner of card.owners) {
      owners.set(owner.id, owner.name);
      agencies.add(owner.agency);
    }
  const used = new Set(cards.map((c) => c.taskGroupId));
  return {
    statuses: ACTION_STATUSES,
    cards,
    facets: {
      priorities: input.priorities.map((p) => ({ id: p.id, title: p.title })),
      taskGroups: input.groups.filter((g) => used.has(g.id)).map((g) => ({ id: g.id, title: g.theme })),
      owners: [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      agencies: [...agencies].sort((a, b) => a.localeCompare(b)),
    },
  };
}
