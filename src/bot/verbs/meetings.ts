// Verbs for meetings: schedule from the form, move, cancel; the card for the person and for the channel.
import { NOTHING_TYPED as blank } from '../../domain/personal-data.js';
import { z } from 'zod';
import { ErrorCode } from '../../errors.js';
import { localDateSchema } from '../../domain/dates.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import { townSlugSchema } from '../../domain/towns.js';
import { scheduleMeeting } from '../../app/meetings.js';
import { callOffMeeting, moveMeeting } from '../../app/meeting-changes.js';
import { meetingById, meetingCardContext, townMembers } from '../../app/card-context.js';
import { today, viewSettings } from '../../app/read-models.js';
import { meetingFormContext } from '../../app/edge-settings.js';
import { meetingCard } from '../../cards/meeting-views.js';
import { cardText, cardVersion, recordId } from '../card-inputs.js';
import { errorCard, meetingFormCard } from '../replies.js';
import { messageCard, postedInThisChannel } from './outcome.js';
import { defineVerb, idList, type VerbTurn } from './verb.js';
import type { Actor } from '../../domain/entity.js';
import type { Meeting } from '../../domain/meeting.js';
import type { AppError } from '../../errors.js';
import { ok, type Result } from '../../domain/result.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

const NO_GRAPH =
  'Scheduling needs Microsoft Graph: ask your IT contact to configure the app registration (see docs/DEPLOY.md).';

export const MEETING_VERBS = [
  defineVerb({
    name: 'meeting.form',
    input: z.object({ town: townSlugSchema }),
    run: async ({ edge, actor }, { town }) => {
      const form = await meetingForm(edge, actor, town);
      return form.ok ? form.value : errorCard(edge.cards, form.error);
    },
  }),
  defineVerb({
    name: 'meeting.create',
    input: z.object({
      requestId: recordId,
      town: townSlugSchema,
      kind: z.string().max(40).optional(),
      title: cardText(TEXT_LIMITS.title).optional(),
      date: z.string().max(20).optional(),
      time: z.string().max(10).optional(),
      duration: z
        .string()
        .regex(/^\d{2,3}$/, 'must be a number of minutes')
        .optional(),
      agenda: cardText(TEXT_LIMITS.longText).optional(),
      attendeeIds: z.string().max(5000).optional(),
    }),
    freeText: ['title', 'agenda'],
    run: async (turn, data) => {
      const { edge, actor } = turn;
      if (!edge.calendar) return messageCard(edge.cards, 'Meetings are not set up', NO_GRAPH);
      const request = {
        requestId: data.requestId,
        town: data.town,
        kind: data.kind ?? '',
        title: data.title ?? blank,
        date: data.date ?? '',
        time: data.time ?? '',
        durationMinutes: Number(data.duration || '60'),
        agenda: data.agenda ?? blank,
        attendeeIds: idList(data.attendeeIds),
      };
      const result = await scheduleMeeting(edge.ctx, edge.calendar, actor, request);
      if (!result.ok) {
        if (result.error.code !== ErrorCode.Validation) return errorCard(edge.cards, result.error);
        const members = await townMembers(edge.ctx, data.town);
        const problems = result.error.issues.map((i) => ({ message: i.message }));
        const form = [data.town, members, today(edge.ctx), data.requestId, problems, data] as const;
        return meetingFormCard(edge.cards, ...form);
      }
      const card = await showMeeting(edge, actor, result.value);
      const posted = await edge.messenger.publishMeeting(result.value, card, actor.id);
      if (await postedInThisChannel(turn, result.value.town, posted))
        return messageCard(
          edge.cards,
          'Scheduled',
          `The card of ${result.value.title}, with its join link, is posted in this channel; the invitations are on their way.`,
        );
      return showMeeting(
        edge,
        actor,
        result.value,
        posted === 'no_channel'
          ? 'Scheduled. The town has no linked channel yet, so the card was not posted there.'
          : 'Scheduled: the invitations are on their way.',
      );
    },
  }),
  defineVerb({
    name: 'meeting.reschedule',
    input: z.object({
      meetingId: recordId,
      version: cardVersion,
      date: localDateSchema,
      time: z.string().max(10),
      duration: z.number().int().min(15).max(600),
    }),
    run: async (turn, { meetingId, version, date, time, duration }) => {
      const { edge, actor } = turn;
      if (!edge.calendar) return messageCard(edge.cards, 'Meetings are not set up', NO_GRAPH);
      const result = await moveMeeting(
        edge.ctx,
        edge.calendar,
        actor,
        meetingId,
        version,
        date,
        time,
        duration,
      );
      return changed(turn, meetingId, result, 'Moved: the invitations are updated.');
    },
  }),
  defineVerb({
    name: 'meeting.cancel',
    input: z.object({
      meetingId: recordId,
      version: cardVersion,
      reason: cardText(TEXT_LIMITS.reason).optional(),
    }),
    freeText: ['reason'],
    run: async (turn, { meetingId, version, reason }) => {
      const { edge, actor } = turn;
      if (!edge.calendar) return messageCard(edge.cards, 'Meetings are not set up', NO_GRAPH);
      const result = await callOffMeeting(
        edge.ctx,
        edge.calendar,
        actor,
        meetingId,
        version,
        reason ?? blank,
      );
      return changed(turn, meetingId, result, 'Cancelled: those invited have been told.');
    },
  }),
];

async function changed(
  { edge, actor }: VerbTurn,
  meetingId: string,
  result: Result<Meeting, AppError>,
  saved: string,
): Promise<Card> {
  if (!result.ok) {
    const refused =
      result.error.code === ErrorCode.Validation || result.error.code === ErrorCode.StaleVersion;
    const current = refused ? await meetingById(edge.ctx, meetingId) : null;
    if (!current) return errorCard(edge.cards, result.error);
    const why = result.error.issues.map((i) => i.message).join('; ') || result.error.message;
    return showMeeting(edge, actor, current, `Not changed: ${why}`);
  }
  await edge.messenger.publishMeeting(result.value, await showMeeting(edge, actor, result.value, '', true));
  return showMeeting(edge, actor, result.value, saved);
}

/** The meeting card, with the actions due before the meeting; the channel's copy has every button. */
async function showMeeting(
  edge: BotEdge,
  actor: Actor,
  meeting: Meeting,
  notice = '',
  forChannel = false,
): Promise<Card> {
  const { dueBefore, canManage } = await meetingCardContext(edge.ctx, actor, meeting);
  return edge.cards.render(
    'meeting',
    meetingCard(meeting, dueBefore, {
      ...viewSettings(edge.ctx),
      canManage: forChannel || canManage,
      notice,
    }),
  );
}

/** The meeting form for the town: the `schedule meeting` command's card, and the dialog's. */
export async function meetingForm(
  edge: BotEdge,
  actor: Actor,
  town: string,
): Promise<Result<Card, AppError>> {
  const form = await meetingFormContext(edge.ctx, actor, town);
  if (!form.ok) return form;
  // Said before the form, not after it has been filled: without Graph no meeting can be booked.
  if (!edge.calendar) return ok(messageCard(edge.cards, 'Meetings are not set up', NO_GRAPH));
  const { members, requestId } = form.value;
  return ok(meetingFormCard(edge.cards, town, members, today(edge.ctx), requestId));
}
