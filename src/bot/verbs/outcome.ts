// The one place a use case's outcome becomes the card shown in place of the one acted on: saved -> the
// record's card with a notice; changed meanwhile -> the current record's card saying so; anything else ->
// the error card. Forms turn a validation failure back into the form with its problems (`formProblems`).
import { ErrorCode, type AppError } from '../../errors.js';
import type { Result } from '../../domain/result.js';
import type { Card, CardRenderer } from '../../cards/render.js';
import { errorCard } from '../replies.js';
import type { Action } from '../../domain/action.js';
import type { PublishOutcome } from '../messenger.js';
import type { VerbTurn } from './verb.js';

export interface Shown<T> {
  readonly cards: CardRenderer;
  /** The record's card, as the actor may use it. */
  show(record: T, notice: string): Promise<Card>;
  /** The record as it is now, for a stale card. */
  reload(): Promise<Result<T, AppError>>;
}

export async function cardFor<T>(
  result: Result<T, AppError>,
  shown: Shown<T>,
  saved: string | ((record: T) => string),
): Promise<Card> {
  if (result.ok) return shown.show(result.value, typeof saved === 'string' ? saved : saved(result.value));
  if (result.error.code !== ErrorCode.StaleVersion) return errorCard(shown.cards, result.error);
  const current = await shown.reload();
  return current.ok ? shown.show(current.value, result.error.message) : errorCard(shown.cards, current.error);
}

/** A lookup's result as the record's card, or the error card. */
export async function shownOrError<T>(
  result: Result<T, AppError>,
  shown: Pick<Shown<T>, 'cards' | 'show'>,
  notice = '',
): Promise<Card> {
  return result.ok ? shown.show(result.value, notice) : errorCard(shown.cards, result.error);
}

/** The problems of a form that did not validate, or null when the failure was something else. */
export function formProblems(error: AppError): string[] | null {
  if (error.code !== ErrorCode.Validation) return null;
  return error.issues.length ? error.issues.map((i) => i.message) : [error.message];
}

export function messageCard(cards: CardRenderer, title: string, message: string): Card {
  return cards.render('error', { title, titleColor: 'Default', message, issues: [], hint: '' });
}

/**
 * A record made from a form in the town's own channel: its card was just posted there, so the form becomes
 * this short line instead of a second copy of the same card in the same channel.
 */
export async function postedInThisChannel(
  turn: VerbTurn,
  town: Action['town'],
  outcome: PublishOutcome | null,
): Promise<boolean> {
  const posted = outcome === 'posted' || outcome === 'updated' || outcome === 'pending';
  return posted && (await turn.edge.messenger.isTownChannel(town, turn.channelId));
}
