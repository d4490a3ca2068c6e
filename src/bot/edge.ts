// The Teams edge's collaborators, built once by the composition root and handed to every command and verb.
import type { Logger } from 'pino';
import type { AppContext } from '../app/context.js';
import type { DatabaseStatus } from '../app/ports.js';
import type { EffectRunner } from '../app/action-effects.js';
import type { Calendar } from '../app/outward-ports.js';
import type { CardRenderer } from '../cards/render.js';
import type { Messenger } from './messenger.js';
import type { PlanUpload } from './plan-upload.js';
import type { EvidenceUpload } from './evidence-upload.js';
import type { ReportDelivery } from './report-delivery.js';
import type { OwnerNotifier } from './owner-notifier.js';

export interface BotEdge {
  readonly ctx: AppContext;
  readonly cards: CardRenderer;
  readonly messenger: Messenger;
  readonly log: Logger;
  /** Microsoft Graph's calendar; null without an app registration. */
  readonly calendar: Calendar | null;
  /** Plan spreadsheets sent in Teams; null where no spreadsheet reader is wired. */
  readonly upload: PlanUpload | null;
  /** police.uk files and town areas sent in Teams; null where not wired. */
  readonly evidence: EvidenceUpload | null;
  /** The board workbook through Teams' file consent; null where files cannot be sent. */
  readonly reports: ReportDelivery | null;
  /** Tells people they were given an action, or taken off one. */
  readonly owners: OwnerNotifier;
  /** Carries out what a change causes (channel copies, owners told): the one runner for every way in. */
  readonly effects: EffectRunner;
  /** While the database is away, turns answer "try again shortly" at once instead of waiting on it. */
  readonly database: DatabaseStatus;
}
