// The search's cost bound: the notes of at most 200 candidates are read; past that, a search reads none
// and says so, and a town or a status brings the candidates back within reach.
import { beforeAll, describe, expect, it } from 'vitest';
import { searchActions } from '../../../src/app/search-actions.js';
import { seedDemo } from '../../../src/app/seed-demo.js';
import { seedReferenceData } from '../../../src/app/seed-reference-data.js';
import { DEMO_PEOPLE } from '../../../src/app/demo-data.js';
import { auditEvent } from '../../../src/domain/audit.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/domain/entity.js';
import { TOWNS } from '../../../src/domain/towns.js';
import { anAction } from '../../contract/builders.js';
import { testContext } from '../../support/app-context.js';

const board: Actor = { kind: 'user', id: DEMO_PEOPLE[4]!.aadObjectId, name: DEMO_PEOPLE[4]!.displayName };
const { ctx } = testContext();

beforeAll(async () => {
  await seedReferenceData(ctx);
  await seedDemo(ctx);
  // 25 more in each town, one with a note that names the harbourmaster.
  for (const town of TOWNS)
    for (let i = 0; i < 25; i++) {
      const note = {
        at: '2026-11-20T10:00:00Z',
        by: { aadObjectId: 'x', displayName: 'X' },
        text: 'Met the harbourmaster',
      };
      const action = anAction({
        town: town.slug,
        ref: `${town.code}-${500 + i}`,
        notes: i === 0 ? [note] : [],
      });
      const event = auditEvent(
        { actor: SYSTEM_ACTOR, change: 'action.created', before: null, after: action },
        { kind: 'action', id: action.id, label: action.ref },
        town.slug,
        { id: `e-${action.id}`, at: new Date('2026-11-20T10:00:00Z') },
      );
      await ctx.stores.actions.insert(action, event);
    }
});

describe('searching the notes', () => {
  it('reads no notes over more than 200 candidates, and says so', async () => {
    const found = await searchActions(ctx, board, 'harbourmaster', { skip: 0, count: 25 });
    expect(found.ok && found.value).toMatchObject({ notesRead: false, total: 0 });
  });

  it('reads them when a town narrows the candidates', async () => {
    const found = await searchActions(ctx, board, 'harbourmaster truro', { skip: 0, count: 25 });
    expect(found.ok && found.value.notesRead).toBe(true);
    expect(found.ok && found.value.actions.map((a) => a.ref)).toEqual(['TRU-500']);
  });
});
