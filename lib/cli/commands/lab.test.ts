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
