// Online Teams meetings on the organiser's calendar: POST/PATCH /users/{id}/events and .../cancel.
// Application permission: Calendars.ReadWrite.
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphCall } from './errors.js';
import type { Calendar } from '../app/outward-ports.js';
import type { Attendee } from '../domain/meeting.js';

export interface OnlineMeetingRequest {
  organiser: string;
  subject: string;
  agendaHtml: string;
  start: string;
  end: string;
  attendees: readonly Attendee[];
}

export interface CreatedEvent {
  eventId: string;
  joinUrl: string | null;
}

interface GraphEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

const PERMISSION = 'Calendars.ReadWrite';
const user = (id: string) => `/users/${encodeURIComponent(id)}`;
const utc = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

export class GraphCalendar implements Calendar {
  constructor(private readonly client: Client) {}

  createOnlineMeeting(request: OnlineMeetingRequest): Promise<CreatedEvent> {
    return graphCall('create the meeting', PERMISSION, async () => {
      const event = (await this.client.api(`${user(request.organiser)}/events`).post({
        subject: request.subject,
        body: { contentType: 'HTML', content: request.agendaHtml },
        start: utc(request.start),
        end: utc(request.end),
        attendees: request.attendees.map((a) => ({
          emailAddress: { address: a.email, name: a.displayName },
          type: 'required',
        })),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        allowNewTimeProposals: false,
      })) as GraphEvent;
      return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null };
    });
  }

  reschedule(organiser: string, eventId: string, start: string, end: string): Promise<void> {
    return graphCall('move the meeting', PERMISSION, async () => {
      await this.client
        .api(`${user(organiser)}/events/${encodeURIComponent(eventId)}`)
        .patch({ start: utc(start), end: utc(end) });
    });
  }

  cancel(organiser: string, eventId: string, comment: string): Promise<void> {
    return graphCall('cancel the meeting', PERMISSION, async () => {
      await this.client
        .api(`${user(organiser)}/events/${encodeURIComponent(eventId)}/cancel`)
        .post({ comment });
    });
  }
}
