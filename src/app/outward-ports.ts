// The ports to the world outside the stores: Microsoft Graph (calendar, activity feed), Teams deliveries
// (reminders, digests, the board's report, group overruns) and spreadsheets (plan import, report files).
import type { BoardReport } from '../domain/board-report.js';
import type { Action, ActionHeadline } from '../domain/action.js';
import type { DueReminder } from '../domain/reminder-policy.js';
import type { Digest } from '../domain/digest.js';
import type { TaskGroup } from '../domain/task-group.js';
import type { ImportRow } from '../domain/plan-import-rows.js';
import type { TownSlug } from '../domain/towns.js';
import type { TownSummary } from '../domain/summary.js';
import type { Actor, PersonRef } from '../domain/entity.js';
import type { OwnerNoticeKind } from '../domain/reminder.js';

/** Online Teams meetings on an organiser's calendar (Microsoft Graph). */
export interface Calendar {
  createOnlineMeeting(request: {
    organiser: string;
    subject: string;
    agendaHtml: string;
    start: string;
    end: string;
    attendees: readonly { aadObjectId: string; displayName: string; email: string }[];
  }): Promise<{ eventId: string; joinUrl: string | null }>;
  reschedule(organiser: string, eventId: string, start: string, end: string): Promise<void>;
  cancel(organiser: string, eventId: string, comment: string): Promise<void>;
}

/**
 * Delivers one reminder about an action to its audience (the owners, or the town's coordinators).
 * 'sent': someone was reached; 'unreachable': nobody can be reached (blocked, no conversation, no channel),
 * which is reported to the coordinators by the delivery itself. Throws when it may work later (a transient
 * failure): the reminder's claim then lapses and a later sweep tries again.
 */
export interface ReminderDelivery {
  deliver(action: Action, reminder: DueReminder): Promise<'sent' | 'unreachable'>;
}

/** A person given an action (or taken off one), told 1:1: see owner-notices.ts. */
export interface OwnerNotice {
  action: Action;
  person: PersonRef;
  kind: OwnerNoticeKind;
  /** Who made the change. */
  by: Actor;
}

/** One person's share of a plan import: the new actions they own. */
export interface ImportNotice {
  town: TownSlug;
  person: PersonRef;
  actions: readonly Action[];
  by: Actor;
}

/** Tells one person of one owner change; throws on a transient failure (the claim then lapses). */
export interface OwnerNoticeDelivery {
  deliver(notice: OwnerNotice): Promise<'sent' | 'unreachable'>;
  /** Tells one person of every action an import gave them, in one message. */
  deliverImported(notice: ImportNotice): Promise<'sent' | 'unreachable'>;
}

export interface FeedNotification {
  /** An activity type declared in the app manifest (activities.activityTypes). */
  activityType: string;
  topic: string;
  webUrl: string;
  preview: string;
  templateParameters: Record<string, string>;
}

/** The Teams activity feed and app installation for a user (Microsoft Graph). */
export interface ActivityFeed {
  notify(userId: string, notification: FeedNotification): Promise<void>;
  installFor(userId: string): Promise<'installed' | 'already'>;
}

/** Where weekly digests go: the town's channel, and people 1:1. */
export interface DigestDelivery {
  toTownChannel(town: TownSlug, digest: Digest): Promise<'sent' | 'unreachable'>;
  toPerson(aadObjectId: string, displayName: string, digest: Digest): Promise<'sent' | 'unreachable'>;
}

/** The board's monthly report card, to the channel the board linked ("link board"). */
export interface BoardReportDelivery {
  toBoardChannel(summaries: TownSummary[], month: string): Promise<'sent' | 'unreachable'>;
}

/** Asks a town's coordinators to close or extend a task-and-finish group past its end date. */
export interface GroupOverrunDelivery {
  groupOverrun(view: { group: TaskGroup; actions: ActionHeadline[] }): Promise<'sent' | 'unreachable'>;
}

/** Reads a plan kept in a spreadsheet: its rows, or why it cannot be read (each problem). */
export interface PlanSheetReader {
  read(
    bytes: Buffer,
    preferSheet?: string,
  ): Promise<{ ok: true; sheet: string; rows: ImportRow[] } | { ok: false; problems: string[] }>;
}

/** One police.uk street-level file as it streams: its name, its header row, then its rows with their lines. */
export interface StreetFile {
  name: string;
  header: readonly string[];
  rows: AsyncIterable<{ line: number; row: Readonly<Record<string, string | undefined>> }>;
}

/** The street-level files of an import (files, a folder, a ZIP), one at a time; what it passed over, said. */
export interface StreetFileSource {
  files(): AsyncIterable<StreetFile>;
  /** Entries that were not street-level files (a ZIP's outcomes and stop-and-search files). */
  passedOver(): string[];
}

/** The board report as files people open in a spreadsheet program. */
export interface ReportFiles {
  /** An .xlsx workbook: a summary sheet, then one sheet per town. */
  workbook(report: BoardReport): Promise<Buffer>;
  /** The same sheets as CSV files: summary.csv, then one per town. */
  csv(report: BoardReport): { name: string; text: string }[];
}
