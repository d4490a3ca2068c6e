// Importing a plan spreadsheet sent to the bot in a 1:1 chat ("import Truro" with the .xlsx attached): the
// file is read from the download link Teams gives (the sender's OneDrive), checked in full as a dry run and
// shown; "Import" reads it again and imports. Nothing is kept between the two steps.
import { ErrorCode } from '../errors.js';
import { importPlan, type ImportOutcome } from '../app/import-plan.js';
import { importReach } from '../app/import-effects.js';
import { rowWarningLines } from '../cards/coach-views.js';
import { townBySlug, townSlugSchema, type TownSlug } from '../domain/towns.js';
import { mayStart } from '../app/forms.js';
import { errorCard } from './replies.js';
import { downloadFromOneDrive } from './onedrive-url.js';
import type { Attachment } from 'botbuilder';
import type { Logger } from 'pino';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { EffectRunner } from '../app/action-effects.js';
import type { PlanSheetReader } from '../app/outward-ports.js';
import type { Card, CardRenderer } from '../cards/render.js';

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';
const MAX_BYTES = 5 * 1024 * 1024;

export class PlanUpload {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly sheets: PlanSheetReader,
    private readonly localMode: boolean,
    private readonly log: Logger,
    private readonly effects: EffectRunner,
  ) {}

  /** The .xlsx the person sent, if any. */
  static fileOf(
    attachments: readonly Attachment[] | undefined,
  ): { name: string; downloadUrl: string } | null {
    const file = attachments?.find((a) => a.contentType === FILE_DOWNLOAD);
    const content = file?.content as { downloadUrl?: unknown } | undefined;
    if (!file || typeof content?.downloadUrl !== 'string') return null;
    return { name: file.name ?? 'plan.xlsx', downloadUrl: content.downloadUrl };
  }

  /** The dry run: what importing the file would change, or every problem with it. */
  async preview(actor: Actor, town: TownSlug, file: { name: string; downloadUrl: string }): Promise<Card> {
    return this.run(actor, town, file, true);
  }

  async apply(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    return this.run(actor, town, { name: String(data.name), downloadUrl: String(data.downloadUrl) }, false);
  }

  private async run(
    actor: Actor,
    town: TownSlug,
    file: { name: string; downloadUrl: string },
    dryRun: boolean,
  ): Promise<Card> {
    try {
      // Refused before the download: nobody without the role makes the bot fetch a file.
      const access = await mayStart(this.ctx, actor, town, 'import');
      if (!access.ok) return errorCard(this.cards, access.error);
      const bytes = await this.download(file.downloadUrl);
      const sheet = await this.sheets.read(bytes, townBySlug(town).name);
      if (!sheet.ok) return this.problems(file.name, sheet.problems);
      const result = await importPlan(this.ctx, actor, { town, rows: sheet.rows, dryRun });
      if (!result.ok) {
        if (result.error.code !== ErrorCode.Validation) return errorCard(this.cards, result.error);
        const issues = result.error.issues.map((i) => i.message);
        return this.problems(file.name, issues.length ? issues : [result.error.message]);
      }
      // As for any change: updated cards in the channel kept in step, owners told (not awaited for long).
      await this.effects.run(result.value.effects);
      return this.outcome(town, file, result.value);
    } catch (error) {
      return errorCard(this.cards, error);
    }
  }

  private outcome(town: TownSlug, file: { name: string; downloadUrl: string }, o: ImportOutcome): Card {
    const verb = o.dryRun ? 'would be' : 'were';
    const nothing = !o.newPriorities.length && !o.created.length && !o.updated.length;
    return this.cards.render('import-preview', {
      heading: o.dryRun ? `Import ${file.name} into Safer ${townBySlug(town).name}?` : 'Imported',
      subtitle: `Into "${o.plan.title}"`,
      lines: [
        `${o.newPriorities.length} new priorities ${verb} added${o.newPriorities.length ? `: ${o.newPriorities.join('; ')}` : ''}`,
        `${o.created.length} actions ${verb} created${o.created.length ? `: ${o.created.join('; ')}` : ''}`,
        `${o.updated.length} actions ${verb} updated${o.updated.length ? `: ${o.updated.join(', ')}` : ''}`,
        `${o.unchanged} actions unchanged`,
        ...told(o),
      ].map((line) => ({ line })),
      warnings: rowWarningLines(o.warnings).map((line) => ({ line })),
      warningsNote: o.warnings.length
        ? `The SMART coach has warnings on ${o.warnings.length} new action${o.warnings.length === 1 ? '' : 's'}. ${o.dryRun ? 'They would be' : 'They were'} imported as written and listed under "actions to review" until a coordinator edits them or fixes the sheet:`
        : '',
      footer: o.dryRun
        ? nothing
          ? 'Nothing to import: the plan already matches the sheet.'
          : 'Nothing has been written yet.'
        : '',
      canApply: o.dryRun && !nothing,
      applyVerb: 'import.apply',
      town,
      downloadUrl: file.downloadUrl,
      name: file.name,
    });
  }

  private problems(name: string, problems: string[]): Card {
    return this.cards.render('error', {
      title: `${name} was not imported`,
      titleColor: 'Warning',
      message: `Nothing was written. ${problems.length} problem${problems.length > 1 ? 's' : ''} to fix in the sheet:`,
      issues: problems.slice(0, 30).map((message) => ({ message })),
      hint: 'Fix them and send the file again. The column layout is in docs/IMPORT.md.',
    });
  }

  /** Only from the sender's OneDrive (or, in local mode, this machine), and at most 5 MB. */
  private download(raw: string): Promise<Buffer> {
    return downloadFromOneDrive(raw, {
      localMode: this.localMode,
      maxBytes: MAX_BYTES,
      tooLarge: 'The file is over 5 MB: nothing was imported',
      onRefused: (host) => this.log.warn({ host }, 'plan download from an unexpected host refused'),
    });
  }
}

/** Who was told, after an import: each owner once, with the list of theirs. */
function told(o: ImportOutcome): string[] {
  const { people } = importReach(o.effects);
  if (!people) return [];
  return [`${people} owner${people === 1 ? ' is' : 's are'} being told of their actions, one message each`];
}
