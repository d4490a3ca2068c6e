// The operator's command follows the usual conventions: --help and -h (also after a command), help <command>,
// --version, errors on stderr, exit 0 when done, 1 when it failed, 2 when the command line was wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_USAGE } from '../../scripts/cli-usage.js';
import { runScript } from '../support/processes.js';

const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const cli = (...args: string[]) => runScript('safer-towns.ts', env, args);

describe('safer-towns, as an operator meets it', () => {
  it('lists every command with what it does on --help, -h and help, and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = cli(flag);
      expect(r.status, flag).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Usage: safer-towns <command> [options]');
      for (const [name, c] of Object.entries(CLI_USAGE)) {
        expect(r.stdout).toMatch(
          new RegExp(`^  ${name} +${c.summary.slice(0, 20).replace(/[()]/g, '.')}`, 'm'),
        );
      }
    }
  });

  it("shows one command's usage on help <command> and <command> --help, touching no database", () => {
    for (const args of [
      ['help', 'crime-data'],
      ['crime-data', '--help'],
      ['crime-data', 'import', '-h'],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain(
        'Usage: safer-towns crime-data <import FILE... [--dry-run] | months | rebuild>',
      );
    }
  });

  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('says what was wrong on stderr and exits 2 for an unknown command, a missing one, or a bad option', () => {
    for (const args of [
      ['--hlep'],
      [],
      ['help', 'nonsense'],
      ['report', '--format', 'pdf'],
      ['seed', '--dmeo'],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.length).toBeGreaterThan(0);
    }
    expect(cli('--hlep').stderr).toContain('Unknown command "--hlep"');
    expect(cli('report', '--format', 'pdf').stderr).toContain('--format must be xlsx or csv, not "pdf"');
  });
});
