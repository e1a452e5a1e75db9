import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive, processStart } from '../../data/pids';

/*
 * The sweep machinery through the real CLI, as a user (or a scheduler) runs it: `ifkit lab run` in its own process,
 * its workers in theirs, killed with real signals. Two jobs of judge-precision at smoke size (one warm start they
 * share, 4 GRPO steps each, checkpoints at 2 and 4), chosen because both arms have a gradient from the first steps
 * (30% false accepts; a noisy judge), so a resume that lost the weights or the Adam moments would show in the results.
 * One uninterrupted sweep is the reference every other one is compared with, byte for byte.
 */

const REPO = join(__dirname, '..', '..', '..');
const ARMS = ['false-accept-0.3', 'recall-0.2'] as const;
const SWEEP = ['judge-precision', '--size', 'smoke', '--arm', ...ARMS];
const SECONDS = 1000;

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(command: string, args: readonly string[]): { child: ChildProcess; exit: Promise<Exit>; stdout(): string } {
  const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exit, stdout: () => stdout };
}

let root: string;
let cache: string;
const ifkit = (...args: string[]) => start(process.execPath, [join(REPO, 'bin', 'ifkit.js'), ...args]);
const sweep = (out: string, ...extra: string[]) => ifkit('lab', 'run', ...SWEEP, '--jobs', '2', '--out', join(root, out), '--cache', cache, '--quiet', ...extra);
const jobDir = (out: string, arm: string) => join(root, out, 'judge-precision', arm, 'seed-1');
const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
const rows = (file: string) => (existsSync(file) ? read(file).split('\n').filter((l) => l !== '').length : 0);

async function until(what: string, ok: () => boolean, timeoutMs = 120 * SECONDS, pollMs = 20): Promise<void> {
  for (const t0 = Date.now(); !ok(); await new Promise((r) => setTimeout(r, pollMs))) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting until ${what}`);
  }
}

/** The pid in a job's lock file (its worker), once there is one. */
async function workerPid(dir: string): Promise<number> {
  await until(`${dir}/lock exists`, () => existsSync(join(dir, 'lock')));
  return (JSON.parse(read(dir, 'lock')) as { pid: number }).pid;
}

/** The pids of a process's children (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return read('/proc', d, 'stat').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** A run's results are the reference's: final.json and eval.jsonl of every job, and the tidy results table, byte for byte. */
function expectReferenceResults(out: string): void {
  for (const arm of ARMS) {
    for (const f of ['final.json', 'eval.jsonl', 'judge-audit.json']) expect(read(jobDir(out, arm), f), `${arm}/${f}`).toBe(read(jobDir('ref', arm), f));
  }
  expect(read(root, out, 'judge-precision', 'results.csv')).toBe(read(root, 'ref', 'judge-precision', 'results.csv'));
}

/** Every file under a directory with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : (out[join(d, name).slice(dir.length)] = read(d, name));
  };
  walk(dir);
  return out;
}

/** A copy of the reference sweep whose jobs must run again from their last checkpoint (step 4, the end). */
function copyOfReference(out: string): void {
  cpSync(join(root, 'ref'), join(root, out), { recursive: true });
  for (const arm of ARMS) rmSync(join(jobDir(out, arm), 'final.json'));
}

let reference: Exit;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ifkit-sweep-'));
  cache = join(root, 'sft-cache');
  reference = await sweep('ref').exit;
}, 300 * SECONDS);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ifkit lab run', () => {
  it('runs every job and writes the report; a second run reruns nothing', async () => {
    expect(reference.stderr).toBe('');
    expect(reference.stdout).toContain('sweep: 2 jobs to run (0 resuming), 0 already finished, 1 warm starts to train');
    expect(reference.stdout).toMatch(/sweep: 3 tasks ran, 0 jobs were already finished, 0 failed, 0 refused, 0 skipped/);
    expect(reference.code).toBe(0);
    const before = snapshot(join(root, 'ref', 'judge-precision'));
    const again = await sweep('ref').exit;
    expect(again.stdout).toMatch(/sweep: 0 tasks ran, 2 jobs were already finished, 0 failed, 0 refused, 0 skipped/);
    expect(again.code).toBe(0);
    expect(snapshot(join(root, 'ref', 'judge-precision'))).toEqual(before);
  }, 120 * SECONDS);

  it('killed mid-job (sweep and worker: SIGKILL) and rerun, ends with the results of an uninterrupted sweep', async () => {
    const { child, exit } = sweep('kill');
    const a = jobDir('kill', ARMS[0]);
    const workerA = await workerPid(a);
    const workerB = await workerPid(jobDir('kill', ARMS[1]));
    // step 3 is written: past the checkpoint at 2, before the one at 4. A smoke step can take less than the usual
    // 20 ms poll (a CI run once found step 4 written by the time the kill arrived), so this wait polls every
    // millisecond.
    await until('step 3 of the first job is written', () => rows(join(a, 'metrics.jsonl')) >= 3, 120 * SECONDS, 1);
    process.kill(workerA, 'SIGKILL');
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    expect(rows(join(a, 'metrics.jsonl'))).toBe(3);
    expect(readdirSync(join(a, 'checkpoints'))).toEqual(['step-000002']);
    expect(existsSync(join(a, 'final.json'))).toBe(false);
    // the orphaned worker of the other job notices its sweep is gone and stops
    await until('the orphaned worker has stopped', () => !pidAlive(workerB), 30 * SECONDS);

    const rerun = await sweep('kill').exit;
    // the other job may have finished before its worker noticed; the first resumes from its checkpoint
    expect(rerun.stdout).toMatch(/sweep: [12] jobs to run \([12] resuming\)/);
    expect(rerun.code).toBe(0);
    expectReferenceResults('kill');
  }, 240 * SECONDS);

  it('refuses a job whose directory holds another config, touching nothing in it, and runs the others', async () => {
    copyOfReference('conflict');
    const a = jobDir('conflict', ARMS[0]);
    const config = JSON.parse(read(a, 'config.json')) as { grpo: { steps: number } };
    writeFileSync(join(a, 'config.json'), JSON.stringify({ ...config, grpo: { ...config.grpo, steps: 5 } }, null, 2));
    const before = snapshot(a);
    const r = await sweep('conflict').exit;
    expect(r.stderr).toContain(
      `REFUSED judge-precision/${ARMS[0]}/seed-1: ${join(a, 'config.json')} holds a different config than judge-precision/${ARMS[0]}/seed-1 at size smoke now asks for ` +
        '(the experiment or its named config changed since it ran); move or delete that directory, or run with another --out',
    );
    expect(r.code).toBe(1);
    expect(snapshot(a)).toEqual(before);
    expect(read(jobDir('conflict', ARMS[1]), 'final.json')).toBe(read(jobDir('ref', ARMS[1]), 'final.json'));
  }, 120 * SECONDS);

  it('reports a failing job with the tail of its error and still finishes the others; exit code 1', async () => {
    copyOfReference('failing');
    const broken = join(jobDir('failing', ARMS[0]), 'checkpoints', 'step-000004');
    writeFileSync(join(broken, 'trainer.json'), '{"version": 1, "step": 4,');
    const r = await sweep('failing').exit;
    const escaped = `${broken}/trainer.json is not valid JSON`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(r.stderr).toMatch(new RegExp(`FAILED judge-precision/${ARMS[0]}/seed-1: exit code 1:\\n(.*\\n)*.*${escaped}`));
    expect(r.stderr).toContain(`delete ${broken} to resume from the checkpoint before it`);
    expect(r.stdout).toMatch(/1 tasks ran, 0 jobs were already finished, 1 failed/);
    expect(r.code).toBe(1);
    expect(read(jobDir('failing', ARMS[1]), 'final.json')).toBe(read(jobDir('ref', ARMS[1]), 'final.json'));
  }, 120 * SECONDS);

  it('waits while a live process holds a job, writing nothing; its worker stops when the sweep is killed; a dead holder\'s lock is taken over', async () => {
    copyOfReference('locked');
    const a = jobDir('locked', ARMS[0]);
    const lock = (pid: number) =>
      writeFileSync(join(a, 'lock'), JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', what: 'job of another sweep', start: processStart(pid) }));
    lock(process.pid);
    const before = snapshot(a);
    const run = sweep('locked');
    const waiting = `${ARMS[0]}/seed-1: waiting: job of another sweep holds ${join(a, 'lock')} (pid ${process.pid} on host ${hostname()}, since 2026-01-01T00:00:00.000Z)`;
    await until('the job waits for the lock', () => run.stdout().includes(waiting));
    const workers = childrenOf(run.child.pid!);
    await new Promise((r) => setTimeout(r, 2 * SECONDS));
    expect(snapshot(a)).toEqual(before);
    // a worker waiting for ever would outlive its sweep: it must stop by itself
    run.child.kill('SIGKILL');
    await until('the orphaned workers have stopped', () => workers.every((pid) => !pidAlive(pid)), 30 * SECONDS);

    const dead = start(process.execPath, ['-e', '']);
    await dead.exit;
    lock(dead.child.pid!); // the holder died without releasing its lock
    const rerun = await sweep('locked').exit;
    expect(rerun.code).toBe(0);
    expect(existsSync(join(a, 'lock'))).toBe(false);
    expectReferenceResults('locked');
  }, 120 * SECONDS);

  it('stops its workers on SIGINT and says how to resume', async () => {
    const { child, exit } = sweep('interrupted');
    const workers = [await workerPid(jobDir('interrupted', ARMS[0])), await workerPid(jobDir('interrupted', ARMS[1]))];
    child.kill('SIGINT');
    const r = await exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sweep stopped: rerun the same command to resume (finished jobs are kept; started ones resume from their checkpoints)');
    expect(r.stderr).not.toContain('FAILED');
    expect(workers.filter((pid) => pidAlive(pid))).toEqual([]);
    // the workers released their locks on the way out
    expect(ARMS.filter((arm) => existsSync(join(jobDir('interrupted', arm), 'lock')))).toEqual([]);
  }, 120 * SECONDS);
});

describe('sharded sweeps (examples/local-shards.sh: 2 shards, then ifkit lab merge)', () => {
  it('give the same results table as one sweep; the shards share a fresh cache and train its warm start once', async () => {
    const out = join(root, 'sharded');
    const shardCache = join(root, 'shard-cache');
    const r = await start('bash', [join(REPO, 'examples', 'local-shards.sh'), '2', out, ...SWEEP, '--cache', shardCache]).exit;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`merged 2 finished jobs from 2 shards into ${out}`);
    const logs = [1, 2].map((k) => read(out, 'shards', `${k}.log`));
    expect(logs.map((l) => l.match(/sweep: 1 jobs to run/g)?.length)).toEqual([1, 1]);
    expect(logs.join('').match(/warm start trained/g)).toHaveLength(1);
    expect(readdirSync(shardCache)).toHaveLength(1);
    expectReferenceResults('sharded');
  }, 240 * SECONDS);
});
