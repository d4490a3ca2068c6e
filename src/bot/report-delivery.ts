// The board report as a file in a 1:1 chat, the way Teams lets bots send files: a file consent card, then,
// once the person accepts, the workbook uploaded to the upload session Teams made in their OneDrive, and a
// file card pointing at it. Nothing is kept between the two steps: the report is built again on acceptance,
// after checking again that the person may have it.
import { AppError, ErrorCode } from '../errors.js';
import { buildBoardReport, recordReportExport } from '../app/board-report.js';
import { requireOneDriveUrl } from './onedrive-url.js';
import type { Attachment, FileConsentCardResponse } from 'botbuilder';
import type { Logger } from 'pino';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { ReportFiles } from '../app/outward-ports.js';

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';
const UPLOAD_TIMEOUT_MS = 30_000;

export class ReportDelivery {
  constructor(
    private readonly ctx: AppContext,
    private readonly files: ReportFiles,
    /** Local mode: the upload session may be a stand-in on this machine. */
    private readonly localMode: boolean,
    private readonly log: Logger,
  ) {}

  /** The consent card for today's board report; a refusal if the person may not have it. */
  async offer(actor: Actor): Promise<Attachment> {
    const report = await buildBoardReport(this.ctx, actor);
    if (!report.ok) throw report.error;
    const bytes = await this.files.workbook(report.value);
    const name = `safer-towns-board-report-${report.value.asOf}.xlsx`;
    return {
      contentType: CONSENT,
      name,
      content: {
        description: `The towns side by side, and each town's actions, as of ${report.value.asOf}`,
        sizeInBytes: bytes.length,
        acceptContext: { report: 'board', name },
        declineContext: { report: 'board' },
      },
    };
  }

  /** The person accepted: upload the workbook and answer with its file card. */
  async accept(actor: Actor, response: FileConsentCardResponse): Promise<Attachment> {
    const upload = response.uploadInfo;
    if (!upload?.uploadUrl || !upload.contentUrl || !upload.name)
      throw new AppError(
        ErrorCode.Validation,
        'Teams did not say where to put the file: ask for the report again',
      );
    const uploadUrl = requireOneDriveUrl(
      upload.uploadUrl,
      this.localMode,
      {
        invalid: 'The upload address from Teams is not a valid address',
        refused: 'The report can only be saved to your own OneDrive',
      },
      (host) => this.log.warn({ host }, 'report upload to an unexpected host refused'),
    );
    const report = await buildBoardReport(this.ctx, actor);
    if (!report.ok) throw report.error;
    const bytes = await this.files.workbook(report.value);
    const res = await fetch(uploadUrl, {
      method: 'PUT',
      headers: {
        'Content-Length': String(bytes.length),
        'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
      },
      body: bytes,
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    }).catch((error: unknown) => {
      this.log.warn({ err: error }, 'report upload failed');
      return null;
    });
    if (!res?.ok) {
      this.log.warn({ status: res?.status }, 'report upload refused');
      throw new AppError(
        ErrorCode.Unavailable,
        'The report could not be saved to your OneDrive: try again shortly',
      );
    }
    await recordReportExport(this.ctx, actor, report.value, {
      format: 'xlsx',
      to: `OneDrive: ${upload.name}`,
    });
    return {
      contentType: FILE_INFO,
      contentUrl: upload.contentUrl,
      name: upload.name,
      content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? 'xlsx' },
    };
  }
}
