// SARA with numbers through the bot: at assessment, a Truro plan's place is chosen from the town's police.uk
// streets and months; the card's counts are the files' own (the place, the rest of the town, the streets
// within 400 m), with a verdict; bad choices change nothing; the closed plan's write-up and the library
// carry them.
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS, cardText, invokeCard, lastCard, useBot } from '../support/bot-harness.js';
import { lemonStreetYear, rowsOn as rowsIn } from '../support/police-uk.js';
import { importCrimeData } from '../../src/app/crime-import.js';
import { streetFilesIn } from '../../src/crime-data/street-files.js';
import { SYSTEM_ACTOR } from '../../src/domain/entity.js';
import type { ProblemPlan } from '../../src/domain/problem.js';

const bot = useBot();
const BEFORE = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const AFTER = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
const files = lemonStreetYear(BEFORE, AFTER);
const rowsOn = (months: string[], streets: string[]) => rowsIn(files, months, streets);

async function plan(): Promise<ProblemPlan> {
  const [p] = await bot.ctx.stores.problems.listByTown('truro');
  if (!p) throw new Error('no plan');
  return p;
}
async function act(verb: string, data: Record<string, unknown> = {}, who = USERS.beatManager) {
  const p = await plan();
  return invokeCard(await bot.invoke(who, verb, { problemId: p.id, version: p.version, ...data }));
}
const place = (streets: string) => ({
  placeStreets: streets,
  placeType: 'all',
  beforeFrom: '2025-10',
  beforeTo: '2026-03',
  afterFrom: '2026-04',
  afterTo: '2026-09',
});
const n = (count: number) => count.toLocaleString('en-GB');
type Input = { id: string; value?: string; choices?: { title: string; value: string }[] };
/** A card's inputs by id, wherever they sit (inside show-cards and columns). */
function inputsOf(card: unknown): Record<string, Input> {
  const found: Record<string, Input> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        found[o.id] = o as Input;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

beforeAll(async () => {
  await bot.invoke(USERS.beatManager, 'problem.create', {
    town: 'truro',
    type: 'place',
    title: 'Evening ASB on Lemon Street',
    hotspot: 'Lemon Street',
    objective: 'Fewer ASB reports on Lemon Street within six months',
  });
  await act('problem.scan', { evidence: 'Reports clustered on Lemon Street on weekday evenings' });
  await act('problem.advance');
  await act('problem.analyse', {
    offender: 'Groups gathering after the shops close',
    victim: 'Shop staff and passers-by',
    place: 'Lemon Street, poorly lit',
    handler: 'Youth service',
    guardian: 'Street marshals',
    manager: 'The BID',
    hypothesis: 'Dark doorways and no guardians after 18:00',
  });
  await act('problem.measure', {
    measureName: 'ASB reports a month',
    measureBaseline: '20',
    measureTarget: '10',
  });
  await act('problem.advance');
  const [action] = await bot.ctx.stores.actions.listByTown('truro');
  await act('problem.link', { actionId: action!.id });
  await act('problem.advance');
  expect((await plan()).stage).toBe('assessment');
});

describe('police.uk figures at the assessment', () => {
  it('before any data: no form, and a clear refusal that changes nothing', async () => {
    const card = await act('problem.refresh');
    expect(cardText(card)).not.toContain('Figures from police.uk');
    const version = (await plan()).version;
    expect(cardText(await act('problem.place', place('On or near Lemon Street')))).toContain(
      'No police.uk data for the town has been imported yet',
    );
    expect((await plan()).version).toBe(version);
  });

  it('offers the town streets busiest first and suggests the last six months against the six before', async () => {
    for (const f of files) {
      const r = await importCrimeData(
        bot.ctx,
        SYSTEM_ACTOR,
        streetFilesIn(`${f.month}-devon-and-cornwall-street.csv`, Buffer.from(f.csv)),
        {
          dryRun: false,
        },
      );
      if (!r.ok) throw r.error;
    }
    const card = await act('problem.refresh');
    expect(cardText(card)).toContain('Figures from police.uk');
    const inputs = inputsOf(card);
    expect(inputs.placeStreets!.choices![0]!.title).toMatch(
      /^On or near Lemon Street \(\d+ in the last 12 months\)$/,
    );
    expect(inputs.placeStreets!.choices!.map((c) => c.value)).not.toContain('On or near Market Jew Street');
    expect(
      Object.fromEntries(
        ['beforeFrom', 'beforeTo', 'afterFrom', 'afterTo'].map((id) => [id, inputs[id]!.value]),
      ),
    ).toEqual({
      beforeFrom: '2025-10',
      beforeTo: '2026-03',
      afterFrom: '2026-04',
      afterTo: '2026-09',
    });
  });

  it('counts the place, the rest of the town and the streets within 400 m from the files, with a verdict', async () => {
    const text = cardText(await act('problem.place', place('On or near Lemon Street')));
    const lemon = ['On or near Lemon Street'];
    const near = ['On or near Boscawen Street', 'On or near Pydar Street'];
    const far = ['On or near Tregolls Road'];
    expect(text).toContain('Assessment in numbers (police.uk)');
    expect(text).toContain(`${n(rowsOn(BEFORE, lemon))} → ${n(rowsOn(AFTER, lemon))} (`);
    expect(text).toContain(`${n(rowsOn(BEFORE, far))} → ${n(rowsOn(AFTER, far))} (`);
    expect(text).toContain(`${n(rowsOn(BEFORE, near))} → ${n(rowsOn(AFTER, near))} (`);
    expect(text).toContain('across 2 streets');
    expect(text).toMatch(/Recorded at the place fell \d+%/);
    expect(text).toContain('Locations are approximate');
    const trail = await bot.ctx.stores.audit.listForEntity((await plan()).id);
    const last = trail.at(-1)!;
    expect(last.change).toBe('problem.place');
    expect(JSON.stringify(last.after)).toContain('"verdict":"Recorded at the place fell');
  });

  it('refuses a street the data does not have, and a viewer, changing nothing', async () => {
    const before = await plan();
    expect(cardText(await act('problem.place', place('On or near Nowhere Lane')))).toContain(
      "Choose the place's streets from the town's police.uk streets",
    );
    expect(cardText(await act('problem.place', place('On or near Lemon Street'), USERS.clerk))).toContain(
      'Viewers and board members can read but not change',
    );
    expect(await plan()).toEqual(before);
  });

  it('is in the closed plan write-up and on its line in the library', async () => {
    await act('problem.assess', {
      delivered: 'true',
      outcome: 'Fewer reports',
      displacement: 'See the figures',
      after0: '9',
    });
    await act('problem.lessons', { lessons: 'Marshals and lighting together' });
    expect(cardText(await act('problem.advance'))).toContain('Assessment in numbers (police.uk)');
    await act('problem.publish', { theme: 'Evening ASB' }, USERS.coordinator);
    await bot.say(USERS.caseWorker, 'library evening asb');
    const lemon = ['On or near Lemon Street'];
    expect(cardText(lastCard(bot.connector))).toContain(
      `police.uk: ${n(rowsOn(BEFORE, lemon))} → ${n(rowsOn(AFTER, lemon))} (`,
    );
  });
});
