// `npm run refresh-read-models`: after changing the database behind the bot's back (a bulk load, a restore,
// an edit in mongosh), tells every running instance to load what it holds again, and drops the snapshots
// (docs/DATABASE.md). Safe to run at any time; running instances keep answering meanwhile.
import { loadConfig } from '../src/config.js';
import { refreshReadModels } from '../src/store/refresh-read-models.js';
import { openDatabase } from './open-database.js';
import { parseCli } from './cli.js';
import { usageOf } from './cli-usage.js';

export async function main(args: readonly string[]): Promise<void> {
  parseCli(args, {}, usageOf('refresh-read-models'));
  const open = await openDatabase(loadConfig(process.env));
  try {
    const parts = await refreshReadModels(open.db);
    console.log(`Signalled ${parts} parts: every instance loads them again at its next read.`);
  } finally {
    await open.close();
  }
}
