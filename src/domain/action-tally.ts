// The figures of a set of actions, worked out once for every surface: the summary, plan and board cards, the
// tabs, the board workbook and CSV, the public page and the digests all show these, never their own counts.
// Cancelled actions are shown apart and left out of the denominator: "2 of 9 done (22%); 1 cancelled".
import { ACTION_STATUSES, type ActionHeadline, type ActionStatus } from './action.js';
import { ragOf, RAGS, type Rag } from './due.js';
import type { LocalDate } from './dates.js';

export interface ActionTally {
  /** Every action, cancelled ones too. */
  total: number;
  cancelled: number;
  /** The denominator: every action not cancelled. */
  counted: number;
  done: number;
  /** Not started, in progress or blocked. */
  open: number;
  byStatus: Record<ActionStatus, number>;
  /** Open actions by RAG (closed ones have none). */
  byRag: Record<Rag, number>;
  /** Done as a share of `counted`, 0-100, rounded; 0 when nothing is counted. */
  percentComplete: number;
  /** Actions not cancelled whose date was moved with a reason (after falling overdue, or again). */
  replanned: number;
}

type Tallied = Pick<ActionHeadline, 'status' | 'dueDate' | 'replanned'>;

/** A running tally, for callers that pass over the actions once for other work too. */
export function tallier(today: LocalDate) {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const byRag = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
  let replanned = 0;
  return {
    add(action: Tallied): void {
      byStatus[action.status]++;
      if (action.replanned && action.status !== 'cancelled') replanned++;
      const rag = ragOf(action, today);
      if (rag) byRag[rag]++;
    },
    result: (): ActionTally => ({ ...tallyOf(byStatus, byRag), replanned }),
  };
}

export function tallyActions(actions: readonly Tallied[], today: LocalDate): ActionTally {
  const tally = tallier(today);
  for (const action of actions) tally.add(action);
  return tally.result();
}

function tallyOf(
  byStatus: Record<ActionStatus, number>,
  byRag: Record<Rag, number>,
): Omit<ActionTally, 'replanned'> {
  const total = ACTION_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  const counted = total - byStatus.cancelled;
  return {
    total,
    cancelled: byStatus.cancelled,
    counted,
    done: byStatus.done,
    open: byStatus.not_started + byStatus.in_progress + byStatus.blocked,
    byStatus: { ...byStatus },
    byRag: { ...byRag },
    percentComplete: counted ? Math.round((byStatus.done / counted) * 100) : 0,
  };
}

/** "2 of 9 actions done (22%); 1 cancelled, not counted": the one sentence for the figures. */
export function tallySentence(t: ActionTally, noun = 'actions'): string {
  const cancelled = t.cancelled ? `; ${t.cancelled} cancelled, not counted` : '';
  return `${t.done} of ${t.counted}${noun ? ` ${noun}` : ''} done (${t.percentComplete}%)${cancelled}`;
}

/** How cancelled actions are counted, in the words cards and help use. */
export const CANCELLED_RULE =
  'Done is a share of the actions not cancelled: cancelled actions are shown apart and not counted.';
