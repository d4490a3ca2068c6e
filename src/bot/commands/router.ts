// A message -> the one command it names -> its handler. Where it may run and who is speaking are checked
// here, from the registry entry; everything else is the handler's use case.
import { describeCurrentSpan } from '../../telemetry/instruments.js';
import type { TurnContext } from 'botbuilder';
import { AppError, ErrorCode } from '../../errors.js';
import { resolveTown } from '../../app/resolve-town.js';
import type { TownSlug } from '../../domain/towns.js';
import { errorCard, type Reply } from '../replies.js';
import { actorOf, channelIdOf, kindOf } from '../turn.js';
import type { BotEdge } from '../edge.js';
import type { CommandTurn } from './command.js';
import { helpCard } from './help-cards.js';
import { readCommand } from './parse.js';
import { refOfLink } from '../../domain/action-link.js';
import { COMMANDS } from './registry.js';

const WHO_ARE_YOU =
  'Teams did not say who you are. Ask your IT contact to check the app is installed for you.';

export async function answerMessage(context: TurnContext, edge: BotEdge): Promise<Reply> {
  const reading = readCommand(linkAsCommand(edge, context.activity.text ?? ''));
  if (reading.kind === 'unknown') return helpCard(edge.cards, COMMANDS, { suggestions: reading.suggestions });
  if (reading.kind === 'invalid')
    return errorCard(edge.cards, new AppError(ErrorCode.Validation, reading.message));
  const { entry, run } = reading;
  describeCurrentSpan({ 'safer_towns.command': entry.name });
  const actor = actorOf(context.activity);
  if (!actor && !entry.anyone) return errorCard(edge.cards, new AppError(ErrorCode.Forbidden, WHO_ARE_YOU));
  if (entry.where && !entry.where.in.includes(kindOf(context.activity)))
    return errorCard(edge.cards, new AppError(ErrorCode.Validation, entry.where.otherwise));
  const channelId = channelIdOf(context.activity);
  const turn: CommandTurn = {
    context,
    edge,
    channelId,
    commands: COMMANDS,
    get actor() {
      if (!actor) throw new AppError(ErrorCode.Forbidden, WHO_ARE_YOU);
      return actor;
    },
    town: async (named: TownSlug | null) => {
      const resolved = await resolveTown(edge.ctx, turn.actor, named, channelId);
      if (!resolved.ok) throw resolved.error;
      return resolved.value;
    },
  };
  return run.run(turn);
}

/** An action's link pasted to the bot (or opened from the link's page) reads as "show TRU-014". */
function linkAsCommand(edge: BotEdge, text: string): string {
  const base = edge.ctx.settings.actionLinkBase;
  const ref = base ? refOfLink(base, text.replace(/<[^>]*>/g, '').trim()) : null;
  return ref ? `show ${ref}` : text;
}
