// Teams' meeting start and end events, in the chat of a meeting the app is part of: the agenda when a
// meeting booked through the bot starts, the outcomes when it ends. Any other meeting is left alone. The
// event's value is checked here (botbuilder's own parser throws on a malformed one).
import { z } from 'zod';
import { meetingEnded, meetingStarted } from '../app/meeting-in-progress.js';
import { viewSettings } from '../app/read-models.js';
import { agendaCard, outcomesCard } from '../cards/meeting-progress-views.js';
import type { Card } from '../cards/render.js';
import type { TurnContext } from 'botbuilder';
import type { BotEdge } from './edge.js';

const meetingEvent = z.object({ JoinUrl: z.string().min(1).max(4_000) }).loose();

/** The card to post in the meeting's chat, or null (not one of ours, or not readable). */
export async function meetingEventCard(
  edge: BotEdge,
  context: TurnContext,
  event: 'start' | 'end',
): Promise<Card | null> {
  const value = meetingEvent.safeParse(context.activity.value);
  if (!value.success) {
    edge.log.info({ activityId: context.activity.id }, 'a meeting event without a join link');
    return null;
  }
  const view = viewSettings(edge.ctx);
  if (event === 'start') {
    const agenda = await meetingStarted(edge.ctx, value.data.JoinUrl);
    return agenda ? edge.cards.render('digest', agendaCard(agenda, view)) : null;
  }
  const outcomes = await meetingEnded(edge.ctx, value.data.JoinUrl);
  return outcomes ? edge.cards.render('digest', outcomesCard(outcomes, view)) : null;
}
