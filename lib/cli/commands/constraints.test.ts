import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { constraintRows, registerConstraintsCommand, type ConstraintRow } from './constraints';

async function runCli(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerConstraintsCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'ifkit', 'constraints', 'list', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('ifkit constraints list', () => {
  it('prints the iftrain suite as JSON: the 29 IFEvalG ids plus the IFEval ids that list iftrain', async () => {
    const rows = JSON.parse(await runCli(['--suite', 'iftrain', '--json'])) as ConstraintRow[];
    expect(rows.map((r) => r.id)).toContain('count:counting_composition');
    const composition = rows.find((r) => r.id === 'count:counting_composition')!;
    expect(composition).toEqual({
      id: 'count:counting_composition',
      suites: ['iftrain'],
      category: 'count',
      kind: 'hard',
      kwargs: ['n_sent', 'n_words'],
      hasCorrected: true,
    });
    // Ids without a generator get their required kwargs by probing the schema.
    expect(rows.find((r) => r.id === 'new:copy_span_idx')!.kwargs).toEqual(['prompt_to_repeat', 'n_start', 'n_end']);
    expect(rows.find((r) => r.id === 'keywords:palindrome')!.kwargs).toEqual([]);
  });

  it('prints a table with a header and a count line', async () => {
    const out = await runCli(['--suite', 'iftrain']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^id\s+suites\s+category\s+kind\s+kwargs\s+corrected$/);
    expect(out).toMatch(/keywords:word_once\s+iftrain\s+keywords\s+hard\s+keyword\s+-/);
    expect(lines[lines.length - 1]).toBe(`${constraintRows('iftrain').length} constraint ids in suite iftrain`);
  });

  it('rejects an unknown suite', async () => {
    await expect(runCli(['--suite', 'nope'])).rejects.toThrow(/Allowed choices are ifeval, ifbench, iftrain/);
  });
});
