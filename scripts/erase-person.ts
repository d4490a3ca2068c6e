// `npm run erase-person -- --email <upn> | --aad-object-id <id> [--confirm]`: erasure. Without --confirm, a
// dry run that says what would change; with it, the person is replaced by a random pseudonym in every record
// that mentions them, and their seats, preferences and conversations are deleted. Counts stay as they were.
import { erasePerson } from '../src/app/subject-rights.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from './open-database.js';
import { parseCli, refusal } from './cli.js';
import type { Actor } from '../src/domain/entity.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('erase-person');
const OPERATOR: Actor = { kind: 'system', id: 'operator:cli', name: 'IT operator (npm run erase-person)' };

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([collection, n]) => `${collection} ${n}`)
    .join(', ') || 'none';

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(
    args,
    { email: { type: 'string' }, 'aad-object-id': { type: 'string' }, confirm: { type: 'boolean' } },
    USAGE,
  );
  const db = await openDatabase(loadConfig(process.env));
  try {
    const query = { email: values.email, aadObjectId: values['aad-object-id'] };
    const result = await erasePerson(db.ctx, db.personalRecords, query, OPERATOR, values.confirm === true);
    if (!result.ok) throw refusal(result.error, USAGE);
    const { applied, pseudonym, counts } = result.value;
    if (!applied) {
      console.log(`Dry run: records that mention this person: ${list(counts.rewritten)}.`);
      console.log(
        'Nothing was changed. Run again with --confirm to erase (export the records first if asked).',
      );
    } else {
      console.log(`Erased: now "${pseudonym!.displayName}" in ${list(counts.rewritten)}.`);
      console.log(`Deleted as theirs alone: ${list(counts.deleted)}. The erasure is in the audit trail.`);
    }
  } finally {
    await db.close();
  }
}
