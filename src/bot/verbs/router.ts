// A card's Action.Execute -> its verb's entry: an unknown verb is refused by name; the payload is checked
// with the verb's schema (after any edits made on the guard's card); its free text passes the personal-data
// guard; then the verb runs with the payload as its schema typed it.
import { inSpan, instruments } from '../../telemetry/instruments.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import { PersonalDataGuard, withEdits, withoutGuardKeys } from '../personal-data-guard.js';
import type { BotEdge } from '../edge.js';
import { messageCard } from './outcome.js';
import { verbNamed } from './registry.js';
import type { VerbTurn } from './verb.js';

export async function answerInvoke(
  edge: BotEdge,
  actor: Actor,
  name: string,
  rawData: unknown,
  saved?: VerbTurn['saved'],
  channelId: string | null = null,
): Promise<Card> {
  // Only a registered verb's name is recorded: the name on an unknown one came from the sender.
  const verb = verbNamed(name)?.name ?? 'unknown';
  const started = performance.now();
  let outcome = 'error';
  try {
    const card = await inSpan('bot.card_action', { 'safer_towns.verb': verb }, () =>
      answer(edge, actor, name, rawData, saved, channelId),
    );
    outcome = 'answered';
    return card;
  } finally {
    instruments().cardActionDuration.record(performance.now() - started, {
      'safer_towns.verb': verb,
      outcome,
    });
  }
}

async function answer(
  edge: BotEdge,
  actor: Actor,
  name: string,
  rawData: unknown,
  saved: VerbTurn['saved'],
  channelId: string | null,
): Promise<Card> {
  const verb = verbNamed(name);
  if (!verb)
    return messageCard(
      edge.cards,
      'That button is not one I know',
      `Unknown action "${name.slice(0, 50)}". The card may be out of date: ask for it again.`,
    );
  const raw = withEdits(verb.freeText, rawData);
  const accepted = verb.accept(withoutGuardKeys(raw));
  if (!accepted.ok)
    return edge.cards.render('error', {
      title: 'That card sent data I cannot use',
      titleColor: 'Attention',
      message: 'Nothing was changed.',
      issues: accepted.issues.map((i) => ({ message: `${i.path.join('.') || 'data'}: ${i.message}` })),
      hint: 'Ask for the card again (show {ref}) and retry.',
    });
  const guard = new PersonalDataGuard(edge.ctx, edge.cards);
  const screened = await guard.check(actor, verb, accepted.input, raw);
  if (screened.held) return screened.held;
  const turn = { actor, edge, raw, personalDataConfirmed: screened.confirmed, saved, channelId };
  return accepted.run(turn, screened.text);
}
