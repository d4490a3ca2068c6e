// The national data set of the scale scenario: the actions of every community safety partnership in England
// and Wales (about 300, of ten places each: 3,000 towns) in the one database the bot's ten towns live in,
// written in the stored shape. The bot serves its ten towns; the other 2,990 are there as the data a national
// deployment holds, so what a click or a summary costs is measured with a million actions stored.
import type { Db, Document } from 'mongodb';
import { completeAction, type ActionStatus } from '../src/domain/action.js';
import { addDays, type LocalDate } from '../src/domain/dates.js';
import { SYSTEM_ACTOR } from '../src/domain/entity.js';

export const NATIONAL_TOWNS = 3_000;
const BATCH = 1_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Adds `total` actions spread over the 2,990 towns beyond the bot's ten (slugs `place-0011`...), as a
 * partnership's plan would hold them: a tenth done, a tenth in progress, due over the next two years.
 */
export async function loadNationalActions(
  db: Db,
  spec: { total: number; today: LocalDate; log: (line: string) => void },
): Promise<void> {
  const towns = NATIONAL_TOWNS - 10;
  const perTown = Math.ceil(spec.total / towns);
  const now = new Date();
  let batch: Document[] = [];
  let written = 0;
  for (let t = 11; t <= NATIONAL_TOWNS && written < spec.total; t++) {
    const slug = `place-${pad(t, 4)}`;
    for (let n = 1; n <= perTown && written < spec.total; n++, written++) {
      const status: ActionStatus = n % 10 === 0 ? 'in_progress' : n % 10 === 1 ? 'done' : 'not_started';
      const { id, ...fields } = completeAction(
        {
          town: slug, // a town of another partnership: stored, not served by this deployment
          planId: `plan-${slug}`,
          priorityId: `priority-${slug}`,
          taskGroupId: null,
          title: `Action ${n} of ${slug}: patrols in the town centre`,
          measure: 'Patrols completed',
          target: '12 patrols',
          owners: [{ aadObjectId: `owner-${slug}-${n % 9}`, displayName: `Owner ${n % 9} of ${slug}` }],
          dueDate: addDays(spec.today, (n % 700) + 1),
          status,
          blockedReason: null,
          notes: [],
          demo: false,
        },
        { id: `national-${slug}-${pad(n, 5)}`, ref: `P${pad(t, 4)}-${pad(n, 3)}`, now, actor: SYSTEM_ACTOR },
      );
      batch.push({ _id: id, ...fields, _rev: 'bench-load' });
      if (batch.length === BATCH) {
        await db.collection('actions').insertMany(batch);
        batch = [];
        if (written % 100_000 < BATCH) spec.log(`  national data set: ${written + 1} actions written`);
      }
    }
  }
  if (batch.length) await db.collection('actions').insertMany(batch);
}
