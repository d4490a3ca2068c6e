// `npm run scan-personal-data [-- --show-text] [--out <file.json>]`: reads the free text already stored with
// the personal-data guard and lists what it finds (record, field, kinds), for coordinators to review and
// correct on the cards. It changes nothing. The words found are printed only with --show-text, and the file
// (which always has them) is readable by the operator alone. The scan is recorded in the audit trail.
import { writeFile } from 'node:fs/promises';
import { scanStoredText } from '../src/app/personal-data.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from './open-database.js';
import { parseCli } from './cli.js';
import type { Actor } from '../src/domain/entity.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('scan-personal-data');
const OPERATOR: Actor = {
  kind: 'system',
  id: 'operator:cli',
  name: 'IT operator (npm run scan-personal-data)',
};

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(args, { 'show-text': { type: 'boolean' }, out: { type: 'string' } }, USAGE);
  const db = await openDatabase(loadConfig(process.env));
  try {
    const found = await scanStoredText(db.ctx, OPERATOR);
    for (const f of found) {
      const words = values['show-text'] ? `  "${f.matches.join('", "')}"` : '';
      console.log(
        `${f.verdict === 'refuse' ? 'REFUSE' : 'CHECK '}  ${f.town}  ${f.collection}/${f.id}  ${f.label}  ${f.field}: ${f.kinds.join(', ')}${words}`,
      );
    }
    if (values.out) {
      await writeFile(values.out, `${JSON.stringify(found, null, 2)}\n`, { mode: 0o600 });
      console.log(`Wrote ${values.out} (with the words found; readable by you only).`);
    }
    const refused = found.filter((f) => f.verdict === 'refuse').length;
    console.log(
      found.length
        ? `${found.length} fields to review (${refused} describe a person with sensitive details). Nothing was changed; the scan is in the audit trail.`
        : 'Nothing found. Nothing was changed; the scan is in the audit trail.',
    );
  } finally {
    await db.close();
  }
}
