import { Command } from 'commander';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { measureMapsDir } from '../../analysis/maps-dir';
import { summariseAttention } from '../../analysis/report';
import { registerAnalysisCommand } from './analysis';

const TESTDATA = join(__dirname, '..', '..', 'analysis', 'testdata');
const root = mkdtempSync(join(tmpdir(), 'ifkit-analysis-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function runCli(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerAnalysisCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'ifkit', 'analysis', 'attention', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('ifkit analysis attention', () => {
  it('prints each metric with its CI and writes config, per-prompt metrics, the summary and figures', async () => {
    const out = join(root, 'run');
    const printed = await runCli(['--maps', TESTDATA, '--out', out, '--resamples', '100', '--no-render', '--quiet']);
    // the numbers are the library's (lib/analysis/report.ts), computed once here the same way
    const expected = summariseAttention(measureMapsDir(TESTDATA, { sink: 'drop' }), { seed: 0, resamples: 100, level: 0.95 });
    const mass = expected.find((s) => s.label === 'mass on constraint')!.model;
    expect(printed).toContain(`mass on constraint`);
    expect(printed).toContain(`${mass.estimate.toFixed(3)} [${mass.lo.toFixed(3)}, ${mass.hi.toFixed(3)}]`);
    expect(printed).toMatch(/^3 prompts in .*testdata; sink drop; 100 bootstrap resamples, seed 0$/m);
    expect(readdirSync(out).sort()).toEqual(['config.json', 'figures', 'prompts.jsonl', 'summary.json']);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'))).toMatchObject({ sink: 'drop', seed: 0, resamples: 100, baseline: null });
    const rows = readFileSync(join(out, 'prompts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; rows: number[] });
    expect(rows.map((r) => [r.id, r.rows])).toEqual([
      ['syn-0', [6, 9]],
      ['syn-1', [5, 9]],
      ['syn-2', [7, 9]],
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { maps: { label: string; model: { estimate: number } }[] };
    expect(summary.maps.find((s) => s.label === 'mass on constraint')!.model.estimate).toBeCloseTo(mass.estimate, 12);
    const figures = readdirSync(join(out, 'figures'));
    expect(figures).toContain('heads-mass-on-constraint.plotly.json');
    expect(figures).toContain('tokens-syn-0.plotly.json');
    expect(figures.every((f) => f.endsWith('.plotly.json'))).toBe(true);
  });

  it('with --baseline reports after − before (zero against itself) and draws the difference figures', async () => {
    const out = join(root, 'diff');
    const printed = await runCli(['--maps', TESTDATA, '--baseline', TESTDATA, '--out', out, '--resamples', '50', '--no-render', '--quiet', '--example', 'syn-1', '--layer', '0']);
    expect(printed).toMatch(/^mass on constraint .* 0\.000 \[0\.000, 0\.000\]$/m);
    const figures = readdirSync(join(out, 'figures'));
    expect(figures).toContain('diff-heads-mass-on-constraint.plotly.json');
    expect(figures).toContain('tokens-syn-1.plotly.json');
  });

  it('refuses a bad --sink and a directory without attention files', async () => {
    await expect(runCli(['--maps', TESTDATA, '--sink', 'maybe', '--quiet'])).rejects.toThrow(/--sink maybe: use keep or drop/);
    await expect(runCli(['--maps', root, '--quiet'])).rejects.toThrow(/no \*\.safetensors files in/);
  });
});
