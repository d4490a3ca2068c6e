// Action.Execute verbs for meetings: schedule from the form, move, cancel; cards for the person and the channel.
import { ErrorCode } from '../errors.js';
import { isOpen } from '../domain/action.js';
import { townSlugSchema } from '../domain/towns.js';
import { callOffMeeting, moveMeeting, scheduleMeeting } from '../app/meetings.js';
import { today, viewSettings } from '../app/read-models.js';
import { meetingCard } from '../cards/views.js';
import { errorCard, meetingFormCard } from './replies.js';
import type { Actor } from '../domain/entity.js';
import type { Meeting } from '../domain/meeting.js';
import type { AppContext } from '../app/context.js';
import type { Calendar } from '../app/ports.js';
import type { Card, CardRenderer } from '../cards/render.js';
import type { Messenger } from './messenger.js';

export class MeetingActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly messenger: Messenger,
    private readonly calendar: Calendar | null,
  ) {}

  async create(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    if (!this.calendar)
      return this.error(
        'Meetings are not set up',
        'Scheduling needs Microsoft Graph: ask your IT contact to configure the app registration (see docs/DEPLOY.md).',
      );
    const str = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
    const request = {
      requestId: str('requestId'),
      town: str('town'),
      kind: str('kind'),
      title: str('title'),
      date: str('date'),
      time: str('time'),
      durationMinutes: Number(str('duration') || '60'),
      agenda: str('agenda'),
      attendeeIds: str('attendeeIds')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      personalDataConfirmed: data.personalDataConfirmed === true,
    };
    const result = await scheduleMeeting(this.ctx, this.calendar, actor, request);
    if (!result.ok) {
      if (result.error.code !== ErrorCode.Validation) return errorCard(this.cards, result.error);
      const town = townSlugSchema.parse(data.town);
      const members = await this.ctx.stores.members.listByTown(town);
      const problems = result.error.issues.map((i) => ({ message: i.message }));
      return meetingFormCard(
        this.cards,
        town,
        members,
        today(this.ctx),
        request.requestId,
        problems,
        data as Record<string, string | undefined>,
      );
    }
    const posted = await this.messenger.publishMeeting(
      result.value,
      await this.meetingCard(actor, result.value),
    );
    return this.meetingCard(
      actor,
      result.value,
      posted === 'no_channel'
        ? 'Scheduled. The town has no linked channel yet, so the card was not posted there.'
        : 'Scheduled: the invitations are on their way.',
    );
  }

  async change(
    actor: Actor,
    verb: 'meeting.reschedule' | 'meeting.cancel',
    data: Record<string, unknown>,
  ): Promise<Card> {
    if (!this.calendar) return this.error('Meetings are not set up', 'Scheduling needs Microsoft Graph.');
    const meetingId = String(data.meetingId);
    const version = Number(data.version);
    const result =
      verb === 'meeting.reschedule'
        ? await moveMeeting(
            this.ctx,
            this.calendar,
            actor,
            meetingId,
            version,
            String(data.date),
            String(data.time),
            Number(data.duration),
          )
        : await callOffMeeting(
            this.ctx,
            this.calendar,
            actor,
            meetingId,
            version,
            typeof data.reason === 'string' ? data.reason : '',
          );
    if (!result.ok) {
      const current = await this.ctx.stores.meetings.get(meetingId);
      if (
        current &&
        (result.error.code === ErrorCode.Validation || result.error.code === ErrorCode.StaleVersion)
      ) {
        return this.meetingCard(
          actor,
          current,
          `Not changed: ${result.error.issues.map((i) => i.message).join('; ') || result.error.message}`,
        );
      }
      return errorCard(this.cards, result.error);
    }
    await this.messenger.publishMeeting(result.value, await this.meetingCard(actor, result.value, '', true));
    return this.meetingCard(
      actor,
      result.value,
      verb === 'meeting.cancel'
        ? 'Cancelled: those invited have been told.'
        : 'Moved: the invitations are updated.',
    );
  }

  /** The meeting card, with the actions due before the meeting and their owners. */
  private async meetingCard(actor: Actor, meeting: Meeting, notice = '', forChannel = false): Promise<Card> {
    const day = meeting.start.slice(0, 10);
    const dueBefore = (await this.ctx.stores.actions.listByTown(meeting.town)).filter(
      (a) => isOpen(a) && a.dueDate <= day,
    );
    const seats = await this.ctx.stores.members.listByPerson(actor.id);
    const canManage =
      forChannel ||
      meeting.organiser.aadObjectId === actor.id ||
      seats.some((m) => m.town === meeting.town && m.accessRole === 'coordinator');
    return this.cards.render(
      'meeting',
      meetingCard(meeting, dueBefore, { ...viewSettings(this.ctx), canManage, notice }),
    );
  }

  private error(title: string, message: string): Card {
    return this.cards.render('error', { title, message, issues: [], hint: '' });
  }
}
