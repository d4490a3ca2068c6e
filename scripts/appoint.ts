// `npm run appoint -- --town Truro --name "…" --email … --aad-object-id …`: a town's first coordinator (or,
// with --town board, a seat on the county board), so that they can link the town's channel and let others in.
import { appoint } from '../src/app/appoint.js';
import { loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { openDatabase } from './open-database.js';
import { parseCli, UsageError } from './cli.js';
import { usageOf } from './cli-usage.js';

const USAGE = usageOf('appoint');

export async function main(args: readonly string[]): Promise<void> {
  const { values } = parseCli(
    args,
    {
      town: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'aad-object-id': { type: 'string' },
      role: { type: 'string' },
    },
    USAGE,
  );
  const missing = ['town', 'name', 'email', 'aad-object-id'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length) throw new UsageError(`Missing --${missing.join(', --')}\nUsage: ${USAGE}`);
  const db = await openDatabase(loadConfig(process.env));
  try {
    const result = await appoint(db.ctx, { ...values, aadObjectId: values['aad-object-id'] });
    if (!result.ok) {
      const { message, issues } = result.error;
      throw new AppError(
        result.error.code,
        [message, ...issues.map((i) => `  - ${i.field}: ${i.message}`)].join('\n'),
      );
    }
    const { member, added } = result.value;
    const seat = member.town === 'county' ? 'the county board' : `${member.town} as ${member.accessRole}`;
    console.log(`${member.displayName}: ${added ? 'appointed to' : 'already has a seat in'} ${seat}.`);
  } finally {
    await db.close();
  }
}
