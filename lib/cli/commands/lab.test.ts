import { Command } from 'commander';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerLabCommand } from './lab';

async function runCli(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerLabCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'ifkit', 'lab', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ifkit-lab-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ifkit lab', () => {
  it('grpo writes config.json, metrics.jsonl, eval.jsonl, checkpoints and final.json; sample reads a checkpoint', async () => {
    const tiny = {
      model: { dModel: 16, nLayers: 1, nHeads: 2, contextLength: 32, mlpRatio: 2 },
      sft: { examples: 64, steps: 2, batchSize: 8 },
      heldOut: 8,
      grpo: { steps: 2, promptsPerStep: 2, groupSize: 2, maxNewTokens: 6, checkpointEvery: 1, evalEvery: 1 },
    };
    await writeFile(join(root, 'tiny.json'), JSON.stringify(tiny));
    const out = join(root, 'run');
    const printed = await runCli(['grpo', '--config', join(root, 'tiny.json'), '--out', out, '--cache', join(root, 'cache'), '--quiet']);
    expect(printed).toMatch(/held-out @   2: pass \d\.\d{3}/);
    // --quiet (and any run off a terminal) still shows progress, as lines.
    expect(printed).toMatch(/^sft 2\/2 loss \d+\.\d{3} \(\d+ s\)$/m);
    expect(printed).toMatch(/^grpo 2\/2 reward \d\.\d{3} step_s \d+\.\d{2} \(\d+ s\)$/m);
    expect((await readdir(out)).sort()).toEqual(['checkpoints', 'config.json', 'eval.jsonl', 'final.json', 'metrics.jsonl']);
    expect(await readdir(join(out, 'checkpoints'))).toEqual(['step-000001', 'step-000002']);
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8')) as { grpo: { steps: number }; sft: { steps: number } };
    expect(config.grpo.steps).toBe(2);
    expect(config.sft.steps).toBe(2);
    expect((await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
    // the warm start was cached, a second run loads it
    expect(await runCli(['grpo', '--config', join(root, 'tiny.json'), '--out', join(root, 'run2'), '--cache', join(root, 'cache'), '--quiet'])).toMatch(
      /warm start loaded from/,
    );

    // Run again into the same folder: it continues from the newest checkpoint and says so.
    expect(await runCli(['grpo', '--config', join(root, 'tiny.json'), '--out', out, '--cache', join(root, 'cache'), '--quiet'])).toMatch(
      /^resuming from step 2 \(the newest checkpoint in .*checkpoints\)$/m,
    );

    const samples = await runCli(['sample', '--checkpoint', join(out, 'checkpoints', 'step-000002'), '--prompt', 'write about ocean', '--n', '3', '--max-new-tokens', '4']);
    expect(samples.split('\n')).toHaveLength(3);
  }, 120_000);

  it('checks its number flags before loading anything, naming the flag and the value', async () => {
    const sample = ['sample', '--checkpoint', join(root, 'none'), '--prompt', 'write about ocean'];
    await expect(runCli([...sample, '--n', '0'])).rejects.toThrow('--n must be a positive integer (1, 2, 3, …), got "0"');
    await expect(runCli([...sample, '--temperature', 'hot'])).rejects.toThrow('--temperature must be a number >= 0 (e.g. 0, 0.7, 1), got "hot"');
    await expect(runCli([...sample, '--seed', '-1'])).rejects.toThrow('--seed must be a non-negative integer (0, 1, 2, …), got "-1"');
    await expect(runCli(['grpo', '--out', join(root, 'never'), '--steps', '2.5'])).rejects.toThrow('--steps must be a positive integer (1, 2, 3, …), got "2.5"');
  });
});

describe('ifkit lab list | run | report', () => {
  it('lists every task and experiment with its arms', async () => {
    const printed = await runCli(['list']);
    expect(printed).toMatch(/^  world: /m);
    expect(printed).toMatch(/^    soft cheerful\s+lab:cheerful$/m);
    for (const e of ['first-task', 'world-check', 'reward-mix', 'judge-precision', 'constraint-count', 'diversity', 'hppt', 'attention']) expect(printed).toMatch(new RegExp(`^  ${e} \\(`, 'm'));
    expect(printed).toMatch(/^    mixed-22\.noisy\s+VerInstruct's share/m);
  });

  it('runs an experiment at smoke size into runs/<experiment>/<arm>/seed-<s>/, reports its claims, and reruns nothing', async () => {
    const out = join(root, 'runs');
    const args = ['run', 'first-task', '--size', 'smoke', '--out', out, '--cache', join(root, 'sweep-cache'), '--jobs', '1', '--quiet'];
    const printed = await runCli(args);
    expect(printed).toMatch(/sweep: 1 jobs to run \(0 resuming\), 0 already finished, 1 warm starts to train/);
    expect(printed).toMatch(/GRPO raises the held-out all-pass rate above the warm start: [+−]\d\.\d{3} \[n\/a, n\/a\] over 1 seed → no verdict \(one seed\)/);
    expect((await readdir(join(out, 'first-task', 'rule-reward', 'seed-1'))).sort()).toEqual(['checkpoints', 'config.json', 'eval.jsonl', 'final.json', 'metrics.jsonl']);
    expect((await readdir(join(out, 'first-task'))).sort()).toEqual(['claims.md', 'report.json', 'results.csv', 'results.parquet', 'rule-reward', 'tables']);
    expect(await runCli(args)).toMatch(/sweep: 0 tasks ran, 1 jobs were already finished/);
    expect(await runCli(['report', 'first-task', '--size', 'smoke', '--out', out])).toMatch(/first-task \(smoke\): 1 runs; written to/);
  }, 600_000);

  it('names what is wrong with a flag', async () => {
    await expect(runCli(['run', 'first-task', '--size', 'huge'])).rejects.toThrow('--size must be one of smoke, quick, full, got "huge"');
    await expect(runCli(['run', 'no-such-experiment'])).rejects.toThrow(/unknown experiment "no-such-experiment"; use one of first-task, world-check/);
    await expect(runCli(['run', 'first-task', '--shard', '3/2'])).rejects.toThrow('--shard "3/2": expected k/n with 1 <= k <= n');
  });
});
