import type { Command } from 'commander';
import { SIZES, type Size } from '../../lab/experiments/define';
import { EXPERIMENTS, getExperiment } from '../../lab/experiments/registry';
import { writeReport } from '../../lab/report';
import { loadResults } from '../../lab/results';
import { defaultRunsRoot, defaultSftCache } from '../../lab/roots';
import { progressLine, runJob, watchParent } from '../../lab/sweep/job-process';
import { mergeShards } from '../../lab/sweep/merge';
import { parseShard } from '../../lab/sweep/plan';
import { runSweep } from '../../lab/sweep/sweep';
import { TASKS } from '../../lab/tasks/registry';
import { formatClaim } from '../../stats/claims';
import { initBackend } from '../../tensor/backend';
import { choiceFlag, nonNegativeIntFlag, positiveIntFlag } from '../flags';
import { createSweepProgress } from './lab-progress';

/*
 * `ifkit lab list | run | report | merge` and the hidden `ifkit lab job` a sweep's worker processes run.
 */

interface SizeFlags {
  readonly size?: string;
  readonly quick?: boolean;
}

function sizeOf(f: SizeFlags): Size {
  if (f.quick && f.size !== undefined && f.size !== 'quick') throw new Error(`--quick and --size ${f.size} disagree; give one of them`);
  return f.quick ? 'quick' : choiceFlag('size', f.size ?? 'full', SIZES);
}

function listAction(): void {
  console.log('tasks');
  for (const t of Object.values(TASKS)) {
    console.log(`  ${t.name}: ${t.description}`);
    for (const c of t.types) console.log(`    ${c.kind.padEnd(4)} ${c.name.padEnd(16)} ${c.id}`);
  }
  console.log('\nexperiments');
  for (const e of EXPERIMENTS) {
    console.log(`  ${e.name} (task ${e.task.name}; seeds: full ${e.seeds.full.join(',')}, quick ${e.seeds.quick.join(',')}): ${e.description}`);
    for (const a of e.arms) console.log(`    ${a.name.padEnd(24)} ${a.description}`);
  }
}

const seedList = (text: string): number[] => text.split(',').map((s) => nonNegativeIntFlag('seeds', s.trim()));

async function runAction(names: string[], f: SizeFlags & { arm?: string[]; seeds?: string; out?: string; cache?: string; jobs: string; shard?: string; quiet?: boolean }): Promise<void> {
  const size = sizeOf(f);
  const experiments = (names.length === 0 || names.includes('all') ? EXPERIMENTS : names.map(getExperiment)).slice();
  if (f.arm && experiments.length !== 1) throw new Error('--arm needs exactly one experiment (arm names belong to an experiment)');
  const root = f.out ?? defaultRunsRoot(size);
  const jobs = positiveIntFlag('jobs', f.jobs);
  const shard = f.shard !== undefined ? parseShard(f.shard) : undefined;
  const progress = createSweepProgress(f.quiet === true);
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const t0 = performance.now();
  const result = await runSweep(experiments, {
    size,
    root,
    sftCacheDir: f.cache ?? defaultSftCache(),
    jobs,
    ...(shard ? { shard } : {}),
    selection: { ...(f.arm ? { arms: f.arm } : {}), ...(f.seeds ? { seeds: seedList(f.seeds) } : {}) },
    signal: abort.signal,
    onPlan: (plan, tasks) => progress.plan(plan, tasks, root),
    onEvent: (e) => progress.event(e),
  });
  progress.stop();
  process.off('SIGINT', stop).off('SIGTERM', stop);
  for (const r of result.reports) {
    console.log(`\n${r.experiment} (${size}): report in ${root}/${r.experiment}/claims.md${r.missing.length ? `; ${r.missing.length} jobs missing` : ''}`);
    for (const c of r.report.claims) console.log(`  ${formatClaim(c)}`);
  }
  const minutes = (performance.now() - t0) / 60000;
  const { plan, pool } = result;
  console.log(
    `\nsweep: ${pool.done.length} tasks ran, ${plan.finished.length} jobs were already finished, ${pool.failed.length} failed, ` +
      `${plan.refused.length} refused, ${pool.skipped.length} skipped; ${minutes.toFixed(1)} min wall`,
  );
  if (shard && shard.n > 1) console.log(`shard ${shard.k}/${shard.n} done: run \`ifkit lab merge <every shard's --out> --out <root> --size ${size}\` when all shards are`);
  for (const x of plan.refused) console.error(`REFUSED ${x.job.experiment}/${x.job.arm}/seed-${x.job.seed}: ${x.message}`);
  for (const x of pool.failed) console.error(`FAILED ${x.id}: ${x.message}`);
  if (abort.signal.aborted) {
    console.error('sweep stopped: rerun the same command to resume (finished jobs are kept; started ones resume from their checkpoints)');
  } else if (pool.failed.length + plan.refused.length + pool.skipped.length > 0) {
    for (const x of pool.skipped) console.error(`SKIPPED ${x.id}: ${x.because}`);
    console.error('not every job finished: deal with what is named above and rerun the same command (finished jobs are not rerun)');
  } else return;
  process.exitCode = 1;
}

async function reportAction(name: string, f: SizeFlags & { out?: string }): Promise<void> {
  const size = sizeOf(f);
  const e = getExperiment(name);
  const root = f.out ?? defaultRunsRoot(size);
  const { results, missing } = loadResults(e, size, root);
  if (results.runs.length === 0) throw new Error(`no finished run of ${name} at size ${size} under ${root}; run \`ifkit lab run ${name}${size === 'full' ? '' : ` --size ${size}`}\` first`);
  const report = await writeReport(e, results, root, missing);
  console.log(`${name} (${size}): ${results.runs.length} runs${missing.length ? `, missing ${missing.join(', ')}` : ''}; written to ${root}/${name}/`);
  for (const c of report.claims) console.log(`  ${formatClaim(c)}`);
}

async function mergeAction(dirs: string[], f: SizeFlags & { out: string }): Promise<void> {
  const size = sizeOf(f);
  const { copied, present, experiments } = await mergeShards(dirs, f.out);
  console.log(`merged ${copied} finished jobs from ${dirs.length} shards into ${f.out}${present > 0 ? ` (${present} were there already)` : ''}`);
  for (const name of experiments) await reportAction(name, { size, out: f.out });
}

async function jobAction(f: { experiment: string; arm: string; seed: string; size: string; dir: string; cache: string; parent?: string; warmStartOnly?: boolean }): Promise<void> {
  if (f.parent !== undefined) {
    const parent = nonNegativeIntFlag('parent', f.parent);
    watchParent(parent, () => {
      console.error(`lab job: the sweep that started this worker (pid ${parent}) is gone; stopping (rerun the sweep to resume from the last checkpoint)`);
      process.exit(1);
    });
  }
  // exit through process.exit, so that the job's lock is released on the way out
  process.once('SIGTERM', () => process.exit(143)).once('SIGINT', () => process.exit(130));
  await initBackend();
  await runJob(
    {
      experiment: f.experiment,
      arm: f.arm,
      seed: nonNegativeIntFlag('seed', f.seed),
      size: choiceFlag('size', f.size, SIZES),
      dir: f.dir,
      sftCacheDir: f.cache,
      ...(f.warmStartOnly ? { warmStartOnly: true } : {}),
    },
    (e) => process.stdout.write(progressLine(e) + '\n'),
  );
}

const sizeOptions = (c: Command): Command =>
  c.option('--size <size>', `${SIZES.join(' | ')} (default full)`).option('--quick', 'the quick size (notebooks, CI); same as --size quick');

/** Registers the experiment subcommands of `ifkit lab`. */
export function registerLabExperimentCommands(lab: Command): void {
  lab.command('list').description('tasks with their constraint types, experiments with their arms').action(listAction);
  sizeOptions(
    lab
      .command('run')
      .description('run experiments (all if none is named): every arm × seed, resumable, one worker process per --jobs; then write each report')
      .argument('[experiments...]', 'experiment names (see `ifkit lab list`), or all'),
  )
    .option('--arm <name...>', 'only these arms (one experiment)')
    .option('--seeds <list>', 'only these seeds, e.g. 1,2,3')
    .option('--out <dir>', 'root of the runs (default runs/, or runs/<size>/ for quick and smoke)')
    .option('--cache <dir>', 'warm-start cache (default runs/sft-cache)')
    .option('--jobs <n>', 'worker processes at once (tfjs-wasm uses one core each)', '2')
    .option('--shard <k/n>', 'run the k-th of n deterministic slices of the jobs (then `ifkit lab merge`)')
    .option('--quiet', 'no progress bars: a line per finished job and every 50 steps')
    .action(runAction);
  sizeOptions(lab.command('report').description('recompute an experiment\'s report from its finished runs').argument('<experiment>'))
    .option('--out <dir>', 'root of the runs (default as for run)')
    .action(reportAction);
  sizeOptions(lab.command('merge').description('combine the --out roots of a sharded sweep, then report').argument('<dirs...>', 'the shards\' --out roots'))
    .requiredOption('--out <dir>', 'the merged root')
    .action(mergeAction);
  lab
    .command('job', { hidden: true })
    .description('one job of a sweep (the sweep runs this in a worker process)')
    .requiredOption('--experiment <name>')
    .requiredOption('--arm <name>')
    .requiredOption('--seed <n>')
    .requiredOption('--size <size>')
    .requiredOption('--dir <dir>')
    .requiredOption('--cache <dir>')
    .option('--parent <pid>', 'stop when this process (the sweep) is gone')
    .option('--warm-start-only')
    .action(jobAction);
}
