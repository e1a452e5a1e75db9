import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../data/paths';

// The real entry point (bin/ifkit.js → tsx → main.ts), run as a user runs it.
const ifkit = (...args: string[]): string =>
  execFileSync(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('ifkit', () => {
  it('lists every command in --help', () => {
    const help = ifkit('--help');
    for (const cmd of ['data', 'constraints', 'eval', 'judge', 'serve', 'lab', 'analysis', 'figures']) expect(help).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
  });

  it('prints the package version', () => {
    expect(ifkit('--version').trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('loads only the named subcommand and still parses its options', () => {
    expect(ifkit('constraints', 'list', '--suite', 'ifbench', '--json').length).toBeGreaterThan(1000);
    expect(JSON.parse(ifkit('constraints', 'list', '--suite', 'ifbench', '--json')).length).toBe(58);
  });
});
