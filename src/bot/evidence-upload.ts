// police.uk data and town areas sent to the bot in a 1:1 chat, as plan spreadsheets are: "crime data" with a
// month's street-level CSV (or a small ZIP) attached is checked in full and shown as a dry run, and "Import"
// reads it again and imports; "area Truro" with a .geojson attached (or LSOA codes typed after it) redraws a
// town's area. Files come only from the sender's OneDrive (or this machine in local mode).
import { importCrimeData, type CrimeImportReport } from '../app/crime-import.js';
import { setTownArea } from '../app/town-areas.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { streetFilesIn } from '../crime-data/street-files.js';
import { errorCard } from './replies.js';
import { downloadFromOneDrive } from './onedrive-url.js';
import type { Logger } from 'pino';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

/** A county's month is a few MB; the national archive is for the command line. */
const MAX_BYTES = 50 * 1024 * 1024;

export class EvidenceUpload {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly localMode: boolean,
    private readonly log: Logger,
  ) {}

  /** The dry run of a street-level file (or ZIP), with an Import button; or every problem with it. */
  async crimeData(actor: Actor, file: { name: string; downloadUrl: string }, dryRun: boolean): Promise<Card> {
    try {
      const bytes = await this.download(file.downloadUrl, 'police.uk');
      const result = await importCrimeData(this.ctx, actor, streetFilesIn(file.name, bytes), { dryRun });
      if (!result.ok) return errorCard(this.cards, result.error);
      return this.report(file, result.value);
    } catch (error) {
      return errorCard(this.cards, error);
    }
  }

  /** A town's area from an attached GeoJSON file, or from LSOA codes typed after the command. */
  async area(
    actor: Actor,
    town: TownSlug,
    file: { name: string; downloadUrl: string } | null,
    codes: string,
  ): Promise<Card> {
    try {
      let input: unknown = codes;
      if (file) {
        const text = (await this.download(file.downloadUrl, 'area')).toString('utf8');
        try {
          input = JSON.parse(text);
        } catch {
          input = text.trim().startsWith('{') ? null : text;
        }
      }
      const source = file ? `GeoJSON ${file.name}` : 'LSOA codes';
      const result = await setTownArea(this.ctx, actor, town, input, source);
      if (!result.ok) return errorCard(this.cards, result.error);
      const name = townBySlug(town).name;
      return this.cards.render('error', {
        title: `${name}'s area is now ${source}`,
        titleColor: 'Good',
        message: `Its profile has been counted again from the police.uk data already imported. "profile ${name}" shows it.`,
        issues: [],
        hint: '',
      });
    } catch (error) {
      return errorCard(this.cards, error);
    }
  }

  private report(file: { name: string; downloadUrl: string }, r: CrimeImportReport): Card {
    const verb = r.dryRun ? 'would be imported' : 'imported';
    return this.cards.render('import-preview', {
      heading: r.dryRun ? `Import ${file.name}?` : 'Imported',
      subtitle: 'police.uk street-level data, into every town profile it covers',
      lines: [
        ...r.months.map((m) => ({
          line: `${m.month} ${m.force}: ${m.rows} rows ${verb} (${m.noLocation} with no location)`,
        })),
        ...(r.skipped ? [{ line: `${r.skipped} rows skipped: ${r.problems.slice(0, 5).join('; ')}` }] : []),
        ...(r.passedOver.length
          ? [{ line: `Passed over (not street-level files): ${r.passedOver.length}` }]
          : []),
      ],
      warnings: [],
      warningsNote: '',
      footer: r.dryRun ? 'Nothing has been written yet. A month imported again replaces the one before.' : '',
      canApply: r.dryRun && r.months.length > 0,
      applyVerb: 'crime.apply',
      town: '',
      downloadUrl: file.downloadUrl,
      name: file.name,
    });
  }

  private download(raw: string, what: 'police.uk' | 'area'): Promise<Buffer> {
    return downloadFromOneDrive(raw, {
      localMode: this.localMode,
      maxBytes: what === 'area' ? 5 * 1024 * 1024 : MAX_BYTES,
      tooLarge:
        what === 'area'
          ? 'The area file is over 5 MB: simplify the polygon, or give LSOA codes'
          : 'The file is over 50 MB: import the national archive with "npm run crime-data -- import" on the server',
      onRefused: (host) => this.log.warn({ host }, 'download from an unexpected host refused'),
    });
  }
}
