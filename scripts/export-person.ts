// `npm run export-person -- --email <upn> [--aad-object-id <id>] [--out <file>]`: a subject access export,
// everything the bot stores that mentions one person, as JSON (to the file, or to standard output). The
// export is recorded in the audit trail as the operator's.
import { writeFile } from 'node:fs/promises';
import { exportPerson } from '../src/app/subject-rights.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from './open-database.js';
import { parseCli, refusal } from './cli.js';
import type { Actor } from '../src/domain/entity.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('export-person');
const OPERATOR: Actor = { kind: 'system', id: 'operator:cli', name: 'IT operator (npm run export-person)' };

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(
    args,
    { email: { type: 'string' }, 'aad-object-id': { type: 'string' }, out: { type: 'string' } },
    USAGE,
  );
  const db = await openDatabase(loadConfig(process.env));
  try {
    const query = { email: values.email, aadObjectId: values['aad-object-id'] };
    const result = await exportPerson(db.ctx, db.personalRecords, query, OPERATOR);
    if (!result.ok) throw refusal(result.error, USAGE);
    const json = `${JSON.stringify(result.value, null, 2)}\n`;
    const counts = Object.entries(result.value.records).map(([c, docs]) => `${c} ${docs.length}`);
    const summary = `${result.value.count} records (${counts.join(', ') || 'none'}); the export is in the audit trail.`;
    if (values.out) {
      await writeFile(values.out, json, { mode: 0o600 }); // personal data: readable by the operator only
      console.log(`Wrote ${values.out}: ${summary}`);
    } else {
      process.stdout.write(json);
      console.error(summary);
    }
  } finally {
    await db.close();
  }
}
