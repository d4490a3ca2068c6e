// The programme's towns as data: seeded with the ten Safer Towns, changed by a board member (or an
// operator, as the system) at run time. Every instance reloads them at most once a second, so a town added
// on one is known to all within that; the instance that changed them knows at once.
import { AppError, ErrorCode } from '../errors.js';
import { addTown, renameTown, retireTown, seedProgramme, type Programme } from '../domain/programme.js';
import { fail, ok, type Result } from '../domain/result.js';
import { useTowns, townBySlug, type Town, type TownSlug } from '../domain/towns.js';
import type { Actor } from '../domain/entity.js';
import { isBoardMember } from './indicator.js';
import { seeded, seedTownRecords } from './seeded.js';
import { changeRecord, checked } from './versioned-change.js';
import type { AppContext } from './context.js';
import type { Stores } from './ports.js';

const FRESH_MS = 1_000;
const loadedAt = new WeakMap<Stores, number>();

/** The stored programme, created from the seed's ten towns the first time. */
export async function ensureProgramme(ctx: AppContext): Promise<Programme> {
  const seed = seedProgramme();
  await ctx.stores.programme.insertIfAbsent(seed, seeded(ctx, 'programme', seed, seed.name, 'county'));
  const programme = (await ctx.stores.programme.get(seed.id)) ?? seed;
  use(ctx, programme);
  return programme;
}

/** Makes the stored towns the ones every lookup sees, if they were not loaded in the last second. */
export async function refreshTowns(ctx: AppContext): Promise<void> {
  // A cache's age, not a date in the programme: the process's own monotonic clock.
  const at = loadedAt.get(ctx.stores);
  if (at !== undefined && performance.now() - at < FRESH_MS) return;
  const programme = await ctx.stores.programme.get(seedProgramme().id);
  // Before the first seed there is nothing stored: the seed's towns stand.
  if (programme) use(ctx, programme);
  else loadedAt.set(ctx.stores, performance.now());
}

function use(ctx: AppContext, programme: Programme): void {
  useTowns(programme.towns);
  loadedAt.set(ctx.stores, performance.now());
}

export type TownChange =
  | { kind: 'add'; name: string; code: string; aliases?: string[] }
  | { kind: 'rename'; town: TownSlug; name: string }
  | { kind: 'retire'; town: TownSlug };

/** A board member (or the system) adds, renames or retires a town; the town as it is now. */
export async function changeTowns(
  ctx: AppContext,
  actor: Actor,
  change: TownChange,
): Promise<Result<Town, AppError>> {
  await ensureProgramme(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const saved = await changeRecord(ctx, actor, {
      load: () => ctx.stores.programme.get(seedProgramme().id),
      missing: 'The programme is not set up: run npm run seed',
      authorise: async () =>
        actor.kind === 'system' || (await isBoardMember(ctx, actor))
          ? ok(true)
          : fail(
              new AppError(
                ErrorCode.Forbidden,
                'Only members of the county board add, rename or retire towns',
              ),
            ),
      expectedVersion: 'current',
      stale: () => 'The towns changed at the same moment: try again',
      apply: (programme) => checked(apply(programme, change), 'The towns were not changed'),
      describe: (before, after) => ({
        change: `programme.town_${change.kind === 'add' ? 'added' : change.kind === 'rename' ? 'renamed' : 'retired'}`,
        entity: { kind: 'programme', id: after.id, label: after.name },
        town: 'county',
        before: { towns: before.towns },
        after: { towns: after.towns },
      }),
      save: (next, version, event) => ctx.stores.programme.update(next, version, event),
    });
    if (!saved.ok && saved.error.code === ErrorCode.StaleVersion) continue;
    if (!saved.ok) return saved;
    use(ctx, saved.value);
    const town = change.kind === 'add' ? saved.value.towns.at(-1)! : townBySlug(change.town);
    // A new town's partnership (with the core seats) and its indicator, as the seed makes them.
    if (change.kind === 'add') await seedTownRecords(ctx, town, saved.value);
    return ok(town);
  }
  return fail(new AppError(ErrorCode.Unavailable, 'The towns are being changed by others: try again'));
}

function apply(programme: Programme, change: TownChange) {
  switch (change.kind) {
    case 'add':
      return addTown(programme, { name: change.name, code: change.code, aliases: change.aliases ?? [] });
    case 'rename':
      return renameTown(programme, change.town, change.name);
    case 'retire':
      return retireTown(programme, change.town);
  }
}
