import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerFiguresCommand } from './figures';
import { getExperiment } from '../../lab/experiments/registry';
import { jobDir } from '../../lab/jobs';
import { WORLD_TYPES } from '../../lab/tasks/world/constraint-types';

/** PNG width and height from the IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Runs `ifkit figures` with these arguments, returning what it logged. */
async function figures(args: string[]): Promise<string> {
  const log: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => void log.push(a.join(' '));
  try {
    const program = new Command('ifkit');
    registerFiguresCommand(program);
    await program.parseAsync(['node', 'ifkit', 'figures', ...args]);
  } finally {
    console.log = orig;
  }
  return log.join('\n');
}

/** Two finished quick-size world-check runs under <root>/quick, as a sweep leaves them (the job's own config). */
function writeWorldCheckRuns(root: string): void {
  const e = getExperiment('world-check');
  const rates = (v: number) => Object.fromEntries(WORLD_TYPES.flatMap((t) => [[`mixed/n/${t.name}`, 8], [`mixed/true/${t.name}`, v]]));
  for (const seed of e.seeds.quick) {
    const dir = jobDir(join(root, 'quick'), e.name, 'oracle', seed);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(e.jobConfig('oracle', seed, 'quick')));
    writeFileSync(join(dir, 'final.json'), JSON.stringify({ before: rates(0.25), after: rates(0.5 + seed / 10) }));
    writeFileSync(join(dir, 'eval.jsonl'), `${JSON.stringify({ step: 0, ...rates(0.25) })}\n`);
    writeFileSync(join(dir, 'metrics.jsonl'), `${JSON.stringify({ step: 1, extra: { 'train/reward': 0.5, 'train/allPass': 0.5 } })}\n`);
  }
}

describe('ifkit figures', () => {
  it("draws an experiment's figures from its quick runs when no full sweep has finished", async () => {
    const runs = mkdtempSync(join(tmpdir(), 'ifkit-runs-'));
    const out = mkdtempSync(join(tmpdir(), 'ifkit-fig-'));
    writeWorldCheckRuns(runs);
    const log = await figures(['--only', 'world-check', 'diversity-seen-unseen', '--runs', runs, '--out', out]);
    expect(readdirSync(out).sort()).toEqual(['world-check-per-type.png', 'world-check-per-type.svg']);
    const svg = readFileSync(join(out, 'world-check-per-type.svg'), 'utf8');
    expect(svg).toContain('world-check: TRUE pass per type, before → after GRPO');
    expect(svg).toContain('quick size, mean of 2 seeds, 95% intervals');
    expect(svg).toContain('>cheerful (soft)</text>');
    // Drawn at the figure's own size: 720 wide, 140 + 26 px per row (14 types and 2 means) high.
    expect(pngSize(readFileSync(join(out, 'world-check-per-type.png')))).toEqual([720, 140 + 16 * 26]);
    expect(log).toContain(`world-check-per-type.svg/.png`);
    expect(log).toContain(`quick runs in ${join(runs, 'quick')}, 2 of 2 finished`);
    // No diversity sweep has run: a line says so, and nothing fails.
    expect(log).toMatch(/diversity: skipped, no finished runs under .*ifkit lab run diversity --size quick/);
    expect(process.exitCode ?? 0).toBe(0);
  }, 120_000);

  it('writes an SVG with the axis titles and a PNG of the requested size', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ifkit-fig-'));
    const log = await figures(['--only', 'ifeval-categories', '--out', out, '--width', '640', '--height', '360']);
    expect(readdirSync(out).sort()).toEqual(['ifeval-categories.png', 'ifeval-categories.svg']);
    const svg = readFileSync(join(out, 'ifeval-categories.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>category</text>');
    expect(svg).toContain('>instructions</text>');
    expect(svg).toContain('IFEval: instructions per category');
    expect(pngSize(readFileSync(join(out, 'ifeval-categories.png')))).toEqual([640, 360]);
    expect(log).toMatch(/\[1\/1\] ifeval-categories\.svg\/\.png/);
  }, 120_000);
});
