// `npm run export-person` and `npm run erase-person` as the IT operator runs them, on a seeded database.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/app/demo-data.js';
import { runScript } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';

const { env, tempDir } = useScriptDatabase('rights');
const alex = DEMO_PEOPLE[2]!;
const countIn = (stdout: string) => (JSON.parse(stdout) as { count: number }).count;

describe('npm run export-person and npm run erase-person', () => {
  it('exports to a file only the operator can read, erases after a dry run, then finds nothing', async () => {
    expect(runScript('seed.ts', env(), ['--demo']).status).toBe(0);
    const dir = await tempDir('rights');
    const out = join(dir, 'alex.json');

    const exported = runScript('export-person.ts', env(), ['--email', alex.email, '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(
      /^Wrote .*alex\.json: \d+ records \(.*members 10.*\); the export is in the audit trail\.\n$/,
    );
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(out, 'utf8')) as {
      count: number;
      records: Record<string, unknown[]>;
    };
    expect(file.count).toBeGreaterThan(10);
    expect(JSON.stringify(file.records.members)).toContain(alex.displayName);

    const dry = runScript('erase-person.ts', env(), ['--email', alex.email]);
    expect(dry.stdout).toContain('Dry run: records that mention this person:');
    expect(dry.stdout).toContain('Nothing was changed.');
    expect(countIn(runScript('export-person.ts', env(), ['--email', alex.email]).stdout)).toBe(
      file.count + 1,
    ); // + the first export's audit event

    const erased = runScript('erase-person.ts', env(), ['--email', alex.email, '--confirm']);
    expect(erased.stderr).toBe('');
    expect(erased.stdout).toMatch(/^Erased: now "Former partner [0-9A-F]{6}" in .*actions \d+/);
    expect(erased.stdout).toContain('Deleted as theirs alone: members 10');
    const after = runScript('export-person.ts', env(), ['--email', alex.email]);
    expect(countIn(after.stdout)).toBe(0);
    expect(after.stderr).toContain('0 records (none)');
  });

  it('says what is missing or wrong, and changes nothing', () => {
    const none = runScript('erase-person.ts', env(), ['--confirm']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Say who: an e-mail address or an Entra object id');
    const typo = runScript('export-person.ts', env(), ['--mail', 'x@example.org']);
    expect(typo.status).toBe(2); // a wrong command line
    expect(typo.stderr).toContain("Unknown option '--mail'");
    const bad = runScript('export-person.ts', env(), ['--aad-object-id', 'not an id']);
    expect(bad.stderr).toContain('must be an Entra (Azure AD) object id');
  });
});
