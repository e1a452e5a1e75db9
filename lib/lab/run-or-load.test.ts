import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../data/paths';
import type { Size } from './experiments/define';
import { getExperiment } from './experiments/registry';
import { jobDir } from './jobs';
import { type ExperimentRun, describeRun, experimentFigure, runOrLoadExperiment } from './run-or-load';

/** Finished world-check runs at a size under root, as a sweep leaves them; mixed all-pass 0.2 → 0.2 + seed/10. */
function writeRuns(root: string, size: Size): void {
  const e = getExperiment('world-check');
  for (const seed of e.seeds[size]) {
    const dir = jobDir(root, e.name, 'oracle', seed);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(e.jobConfig('oracle', seed, size)));
    writeFileSync(join(dir, 'final.json'), JSON.stringify({ before: { 'mixed/allPass': 0.2 }, after: { 'mixed/allPass': 0.2 + seed / 10 } }));
    writeFileSync(join(dir, 'eval.jsonl'), `${JSON.stringify({ step: 0, 'mixed/allPass': 0.2 })}\n`);
  }
}

describe('runOrLoadExperiment', () => {
  it('loads a finished full-size sweep and reports it, running nothing', async () => {
    const full = mkdtempSync(join(tmpdir(), 'ifkit-full-'));
    writeRuns(full, 'full');
    const lines: string[] = [];
    const run = await runOrLoadExperiment('world-check', { quick: true, roots: { full }, onProgress: (l) => lines.push(l) });
    expect(run).toMatchObject({ source: 'loaded', size: 'full', root: full, missing: [] });
    expect(lines).toEqual(['world-check: the full-size sweep has finished; its 3 runs are loaded, nothing is trained']);
    // gains 0.1, 0.2, 0.3 over seeds 1–3.
    expect(run.report.claims.find((c) => c.name === 'oracle-learns')!.estimate).toBeCloseTo(0.2, 12);
    expect(describeRun(run)).toBe(`world-check: 3 full-size runs, loaded from the finished full-size sweep in ${full} (3 seeds per arm)`);
    expect(experimentFigure(run, 'per-type').data.length).toBeGreaterThan(0);
    expect(() => experimentFigure(run, 'nope')).toThrow(/its figures are per-type/);
  });

  it('otherwise runs the sweep at its size (here already finished, so it resumes to nothing) and writes the report', async () => {
    const full = mkdtempSync(join(tmpdir(), 'ifkit-full-'));
    const smoke = mkdtempSync(join(tmpdir(), 'ifkit-smoke-'));
    writeRuns(smoke, 'smoke');
    const lines: string[] = [];
    const run = await runOrLoadExperiment('world-check', { size: 'smoke', roots: { full, smoke }, onProgress: (l) => lines.push(l) });
    expect(run).toMatchObject({ source: 'ran', size: 'smoke', root: smoke, missing: [] });
    expect(run.results.runs.map((r) => r.seed)).toEqual([1, 2]);
    expect(existsSync(join(smoke, 'world-check', 'report.json'))).toBe(true);
    expect(lines[0]).toBe('world-check (smoke): every run had finished; nothing to train');
  });

  it('names a root inside the project by its relative path, so stored notebook outputs hold no machine path', () => {
    const run = { experiment: { name: 'hppt' }, size: 'full', source: 'loaded', root: join(projectRoot(), 'runs'), missing: [], results: { runs: [{ seed: 1 }, { seed: 2 }] } } as unknown as ExperimentRun;
    expect(describeRun(run)).toBe('hppt: 2 full-size runs, loaded from the finished full-size sweep in runs (2 seeds per arm)');
  });
});
