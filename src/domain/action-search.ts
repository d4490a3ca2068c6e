// Finding actions from a few typed words, as the message extension's search box gets them: a reference
// (TRU-014), a town's name or its code in capitals (PNZ), a status ("blocked", "overdue", "open") and words of the title, of an owner's
// name or of the notes. Pure: the typed text is read here and matched against headlines; notes are matched
// by the store, with the words this returns.
import { isOpen, normaliseActionRef, type ActionHeadline, type ActionStatus } from './action.js';
import { ALL_TOWNS, findTown, type TownSlug } from './towns.js';
import type { LocalDate } from './dates.js';

/** Longer than this is not a search: it is refused with a message, never sent anywhere. */
export const SEARCH_MAX_LENGTH = 200;
/** Shorter than this (after trimming) lists the person's own open actions first. */
const SEARCH_MIN_LENGTH = 2;

type StatusFilter = ActionStatus | 'open' | 'overdue';

export interface ActionQuery {
  /** Nothing worth searching for: the person's own open actions come first. */
  browse: boolean;
  refs: string[];
  towns: TownSlug[];
  statuses: StatusFilter[];
  /** Lower-case words, each of which must be in the title, an owner's name or (store) the notes. */
  words: string[];
}

const STATUS_WORDS: Record<string, StatusFilter> = {
  open: 'open',
  overdue: 'overdue',
  late: 'overdue',
  blocked: 'blocked',
  done: 'done',
  finished: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  'not started': 'not_started',
  'in progress': 'in_progress',
  started: 'in_progress',
};

/** Reads typed text as a query. Any character is text: nothing here is an operator of any kind. */
export function readActionQuery(typed: string): ActionQuery {
  const query: ActionQuery = { browse: false, refs: [], towns: [], statuses: [], words: [] };
  // A town's code typed in capitals ("PNZ") is the town; in lower case it may be a word ("red", "cam").
  // ("TRU 14" is a reference, read below.)
  const text = ` ${typed.normalize('NFKC')} `.replace(
    /(?<=\s)([A-Z]{3})(?=\s)(?!\s+\d)/g,
    (whole, code: string) => {
      const town = ALL_TOWNS.find((t) => t.code === code);
      if (!town) return whole;
      query.towns.push(town.slug);
      return ' ';
    },
  );
  let rest = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ')} `;
  rest = rest.replace(/\s([a-z]{3})[\s-]?(\d{1,6})(?=\s)/g, (whole, code: string, n: string) => {
    const ref = normaliseActionRef(`${code}-${n}`);
    if (!ref || !ALL_TOWNS.some((t) => t.code.toLowerCase() === code)) return whole;
    query.refs.push(ref);
    return ' ';
  });
  for (const [words, status] of Object.entries(STATUS_WORDS).sort((a, b) => b[0].length - a[0].length))
    rest = rest.replaceAll(` ${words} `, () => (query.statuses.push(status), '  '));
  for (const town of [...ALL_TOWNS].sort((a, b) => b.name.length - a.name.length))
    for (const name of [town.name, ...town.aliases].map((n) => n.toLowerCase()))
      rest = rest.replaceAll(` ${name} `, () => (query.towns.push(town.slug), '  '));
  const words = rest.split(/\s+/).filter((w) => w.length > 0 && w !== '-');
  for (const word of words) {
    const town = findTown(word);
    if (town && word.length > 3) query.towns.push(town.slug);
    else query.words.push(word);
  }
  query.browse =
    typed.trim().length < SEARCH_MIN_LENGTH ||
    (!query.refs.length && !query.towns.length && !query.statuses.length && !query.words.length);
  return query;
}

/** Whether a headline passes the query's reference, town and status filters. */
export function passesFilters(action: ActionHeadline, query: ActionQuery, today: LocalDate): boolean {
  if (query.refs.length && !query.refs.includes(action.ref)) return false;
  if (query.towns.length && !query.towns.includes(action.town)) return false;
  if (!query.statuses.length) return true;
  return query.statuses.some((s) =>
    s === 'open'
      ? isOpen(action)
      : s === 'overdue'
        ? isOpen(action) && action.dueDate < today
        : action.status === s,
  );
}

/** The query's words not found in the headline's title or owners' names (the notes may hold them). */
export function wordsMissing(action: ActionHeadline, query: ActionQuery): string[] {
  const haystack = [action.title, ...action.owners.map((o) => o.displayName)].join(' ').toLowerCase();
  return query.words.filter((w) => !haystack.includes(w));
}
