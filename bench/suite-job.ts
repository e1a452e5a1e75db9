/**
 * What the lab step's speed-up means for the experiments: one full-size job of the suite (reward-mix, mixed 22%
 * with the noisy judge, seed 1: 300 GRPO steps and its evaluations), run to its end twice in this process, each
 * time into a fresh directory:
 *   - the step as it runs today (fused wasm kernels, the recorded sampling);
 *   - the step as tfjs ops (`setFusedPath(false)`, `setRecording(false)`): the engine the lab had before the fused
 *     path; the same numbers come out, more slowly.
 * Prints both wall times and their ratio; the sweep's wall time scales with it (one process per core, each running
 * such jobs one after another). The job's warm start comes from the sweep's cache (trained once, untimed, if absent).
 *   npx tsx bench/suite-job.ts        (EXPERIMENT, ARM, SEED to time another job)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../lib/data/paths';
import { setFusedPath } from '../lib/model/fused-plan';
import { setRecording } from '../lib/model/fused-record';
import { runJob, type JobArgs } from '../lib/lab/sweep/job-process';
import { initBackend } from '../lib/tensor/backend';

const experiment = process.env.EXPERIMENT ?? 'reward-mix';
const arm = process.env.ARM ?? 'mixed-22.noisy';
const seed = Number(process.env.SEED ?? 1);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

async function timeJob(label: string, fused: boolean, base: Omit<JobArgs, 'dir'>): Promise<number> {
  setFusedPath(fused);
  setRecording(fused);
  const dir = mkdtempSync(join(tmpdir(), 'ifkit-suite-job-'));
  let last = 0;
  const started = performance.now();
  try {
    await runJob({ ...base, dir }, (e) => {
      if (e.kind === 'step' && e.step - last >= 50) process.stderr.write(`  ${label}: step ${(last = e.step)}/${e.total}\n`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const base = { experiment, arm, seed, size: 'full' as const, sftCacheDir: join(projectRoot(), 'runs', 'sft-cache') };
  console.log(`one full-size job: ${experiment}/${arm}/seed-${seed}; load average ${load()}`);
  await runJob({ ...base, dir: '', warmStartOnly: true }, () => undefined);
  const fused = await timeJob('fused', true, base);
  const ops = await timeJob('tfjs ops', false, base);
  console.log(`fused kernels (today)          ${fused.toFixed(1).padStart(7)} s`);
  console.log(`tfjs ops (the engine before)   ${ops.toFixed(1).padStart(7)} s`);
  console.log(`ratio                          ${(ops / fused).toFixed(2).padStart(7)}x   load average at the end ${load()}`);
}

void main();
