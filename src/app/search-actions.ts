// The message extension's search: the actions a person may see that match what they typed, a page at a
// time, whole (each becomes a live card). Only the towns where the person has a seat are searched (all of
// them for the board, which reads every town); a short or empty query lists their own open actions first.
import { isOpen, mayChangeAction, type Action, type ActionHeadline } from '../domain/action.js';
import { passesFilters, readActionQuery, SEARCH_MAX_LENGTH, wordsMissing } from '../domain/action-search.js';
import { accessFor, COUNTY, type Member } from '../domain/member.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { AppError, ErrorCode } from '../errors.js';
import { fail, ok, type Result } from '../domain/result.js';
import { today } from './read-models.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/** At most this many matches are ranked; a search that finds more asks for more words. */
const MAX_MATCHES = 200;
/**
 * The notes of at most this many candidates are read (whole, by id) to find words not in a title or an
 * owner: every town's actions at a partnership's usual size; a search over more (the board's whole county)
 * reads no notes and says so, so that a search costs the same however many actions there are.
 */
const NOTES_READ = 200;

export interface ActionSearch {
  /** The page asked for, whole and in order. */
  readonly actions: Action[];
  /** Matches in all (at most MAX_MATCHES), for "more" and the empty-result message. */
  readonly total: number;
  /** No query worth the name: these are the person's open actions, then their towns' others. */
  readonly browsing: boolean;
  /** Whether the person has a seat anywhere (no seat: the empty result says how to get one). */
  readonly seated: boolean;
  /** False when too many actions matched the rest for their notes to be read (add a town or a status). */
  readonly notesRead: boolean;
  /** The ids of the page's actions the person may change (their cards' buttons), from one read of seats. */
  readonly mayEdit: ReadonlySet<string>;
}

export async function searchActions(
  ctx: AppContext,
  actor: Actor,
  typed: string,
  page: { skip: number; count: number },
): Promise<Result<ActionSearch, AppError>> {
  if (typed.length > SEARCH_MAX_LENGTH)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `That search is ${typed.length} characters long: use a reference such as TRU-014 or a few words (at most ${SEARCH_MAX_LENGTH} characters).`,
      ),
    );
  const seats = actor.kind === 'user' ? await ctx.stores.members.listByPerson(actor.id) : [];
  const towns = readableOf(actor, seats);
  const query = readActionQuery(typed);
  const day = today(ctx);
  const lists = await Promise.all(towns.map((t) => ctx.stores.actions.listByTown(t)));
  // An action whose text retention removed is kept for the counts only: there is nothing in it to find.
  const headlines = lists.flat().filter((a) => !a.redactedAt);
  let matches: ActionHeadline[];
  let notesRead = true;
  if (query.browse) {
    const open = headlines.filter(isOpen).sort(byDue);
    const mine = (a: ActionHeadline) => a.owners.some((o) => o.aadObjectId === actor.id);
    matches = [...open.filter(mine), ...open.filter((a) => !mine(a))];
  } else {
    const filtered = headlines.filter((a) => passesFilters(a, query, day));
    const partly = filtered.filter((a) => wordsMissing(a, query).length);
    notesRead = partly.length <= NOTES_READ;
    const inNotes = notesRead ? await withWordsInNotes(ctx, partly, query.words) : new Set<string>();
    matches = filtered
      .filter((a) => !wordsMissing(a, query).length || inNotes.has(a.id))
      .sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || byDue(a, b));
  }
  matches = matches.slice(0, MAX_MATCHES);
  const pageIds = matches.slice(page.skip, page.skip + page.count).map((a) => a.id);
  const whole = new Map((await ctx.stores.actions.getMany(pageIds)).map((a) => [a.id, a]));
  const actions = pageIds.flatMap((id) => whole.get(id) ?? []);
  const may = (a: Action) =>
    actor.kind === 'system' || mayChangeAction(a, actor.id, accessFor(seats, actor.id, a.town));
  return ok({
    actions,
    mayEdit: new Set(actions.filter(may).map((a) => a.id)),
    total: matches.length,
    browsing: query.browse,
    seated: towns.length > 0,
    notesRead,
  });
}

/** The ids of those actions whose notes hold every word still missing from their title and owners. */
async function withWordsInNotes(
  ctx: AppContext,
  candidates: readonly ActionHeadline[],
  words: readonly string[],
): Promise<Set<string>> {
  if (!candidates.length) return new Set();
  const whole = await ctx.stores.actions.getMany(candidates.map((a) => a.id));
  const holds = (a: Action) => {
    const notes = a.notes.map((n) => n.text.toLowerCase()).join('\n');
    const title = [a.title, ...a.owners.map((o) => o.displayName)].join(' ').toLowerCase();
    return words.every((w) => title.includes(w) || notes.includes(w));
  };
  return new Set(whole.filter(holds).map((a) => a.id));
}

/** The towns whose actions a person may read: those of their seats, or every active town for the board. */
export async function readableTowns(ctx: AppContext, actor: Actor): Promise<TownSlug[]> {
  if (actor.kind === 'system') return TOWNS.map((t) => t.slug);
  return readableOf(actor, await ctx.stores.members.listByPerson(actor.id));
}

function readableOf(actor: Actor, seats: readonly Member[]): TownSlug[] {
  if (actor.kind === 'system') return TOWNS.map((t) => t.slug);
  if (seats.some((m) => m.town === COUNTY)) return TOWNS.map((t) => t.slug);
  const active = new Set(TOWNS.map((t) => t.slug));
  return [...new Set(seats.map((m) => m.town))].filter((t) => active.has(t));
}

const byDue = (a: ActionHeadline, b: ActionHeadline) =>
  a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref);
