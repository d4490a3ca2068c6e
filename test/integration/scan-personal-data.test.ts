// `npm run scan-personal-data` as the IT operator runs it: on a seeded database with two notes written before
// the guard knew about people, it lists each (record, field, kinds), prints the words only when asked,
// changes nothing, and records the scan in the audit trail.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { runScript } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';

const { dbName, env, tempDir } = useScriptDatabase('scan');

describe('npm run scan-personal-data', () => {
  it('lists what stored text holds, without the words unless asked, and changes nothing', async () => {
    expect(runScript('seed.ts', env(), ['--demo']).status).toBe(0);
    const client = new MongoClient(inject('mongoUri'));
    try {
      const actions = client.db(dbName).collection<{ _id: string; ref: string; notes: unknown[] }>('actions');
      const [first, second] = await actions.find({ town: 'truro' }).sort({ ref: 1 }).limit(2).toArray();
      const note = (text: string) => ({
        at: '2026-01-05T10:00:00.000Z',
        by: { aadObjectId: 'x', displayName: 'X' },
        text,
      });
      await actions.updateOne(
        { _id: first!._id },
        { $push: { notes: note('Sarah Trewin was sectioned on Friday') } },
      );
      await actions.updateOne(
        { _id: second!._id },
        { $push: { notes: note('Mrs Jenkins asked about the bins') } },
      );
      const before = await actions.find().sort({ _id: 1 }).toArray();

      const scan = runScript('scan-personal-data.ts', env());
      expect(scan.stderr).toBe('');
      expect(scan.status).toBe(0);
      const lines = scan.stdout.trim().split('\n');
      expect(lines).toContain(
        `REFUSE  truro  actions/${first!._id}  ${first!.ref}  notes.${first!.notes.length}.text: person_name, health`,
      );
      expect(lines).toContain(
        `CHECK   truro  actions/${second!._id}  ${second!.ref}  notes.${second!.notes.length}.text: person_name`,
      );
      expect(lines.at(-1)).toMatch(
        /^\d+ fields to review \(\d+ describe a person with sensitive details\)\. Nothing was changed/,
      );
      expect(scan.stdout).not.toContain('Trewin');

      const dir = await tempDir('scan');
      const out = join(dir, 'scan.json');
      const shown = runScript('scan-personal-data.ts', env(), ['--show-text', '--out', out]);
      expect(shown.stdout).toContain('"Sarah Trewin", "sectioned"');
      expect((await stat(out)).mode & 0o777).toBe(0o600);
      expect(await readFile(out, 'utf8')).toContain('"Mrs Jenkins"');

      expect(await actions.find().sort({ _id: 1 }).toArray()).toEqual(before);
      const events = await client.db(dbName).collection('audit_events').find().toArray();
      const scans = events.filter((e) => e.change === 'personal_data.scanned');
      expect(scans).toHaveLength(2);
      expect(JSON.stringify(scans)).not.toContain('Trewin');
      expect(runScript('scan-personal-data.ts', env(), ['--words']).stderr).toContain(
        "Unknown option '--words'",
      );
    } finally {
      await client.close();
    }
  });
});
