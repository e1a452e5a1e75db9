import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { getExperiment } from '../../lab/experiments/registry';
import type { SweepPlan } from '../../lab/sweep/plan';
import type { PoolEvent, SweepTask } from '../../lab/sweep/pool';

/*
 * A sweep's progress: on a terminal, one bar for the whole sweep (steps done of all steps planned, with an ETA) and
 * one per running job; off a terminal or with --quiet, plain lines (a job's start and end, every 50 GRPO steps and
 * every 200 warm-start steps), so a log never goes silent for long.
 */

export interface SweepProgress {
  plan(plan: SweepPlan, tasks: readonly SweepTask[], root: string): void;
  event(e: PoolEvent): void;
  stop(): void;
}

/** Steps of a task: warm-start steps for a warm start, GRPO steps for a run. */
function taskSteps(t: SweepTask): number {
  const e = getExperiment(t.args.experiment);
  const s = e.task.steps(e.jobConfig(t.args.arm, t.args.seed, t.args.size));
  return t.args.warmStartOnly ? s.sft : s.grpo;
}

export function createSweepProgress(quiet: boolean): SweepProgress {
  const bars = !quiet && process.stdout.isTTY === true;
  const multi = bars ? new MultiBar({ clearOnComplete: false, hideCursor: true, format: '{label} {bar} {value}/{total} {info}', etaBuffer: 200 }, Presets.shades_classic) : undefined;
  const total = multi?.create(1, 0, { label: 'sweep'.padEnd(40), info: '' }, { format: '{label} {bar} {percentage}% | ETA {eta_formatted} | {value}/{total} steps' });
  const running = new Map<string, SingleBar>();
  const steps = new Map<string, number>();
  const done = new Map<string, number>();
  const log = (line: string): void => (multi ? multi.log(line + '\n') : console.log(line));
  const advance = (id: string, value: number): void => {
    done.set(id, value);
    total?.update([...done.values()].reduce((a, b) => a + b, 0));
  };
  return {
    plan(plan, tasks, root) {
      for (const t of tasks) steps.set(t.id, taskSteps(t));
      const all = [...steps.values()].reduce((a, b) => a + b, 0);
      total?.setTotal(Math.max(1, all));
      const refused = plan.refused.length > 0 ? `, ${plan.refused.length} refused (their directory holds another config)` : '';
      log(`sweep: ${plan.jobs.length} jobs to run (${plan.jobs.filter((j) => j.state === 'started').length} resuming), ${plan.finished.length} already finished${refused}, ${plan.warmStarts.length} warm starts to train; runs in ${root}`);
    },
    event(e) {
      const id = e.task.id;
      switch (e.type) {
        case 'start':
          if (multi) running.set(id, multi.create(steps.get(id) ?? 1, 0, { label: id.slice(0, 40).padEnd(40), info: '' }));
          else log(`start ${id}`);
          break;
        case 'progress': {
          const p = e.event;
          if (p.kind === 'sft' || p.kind === 'step') {
            advance(id, p.step);
            const info = p.kind === 'sft' ? `sft loss ${p.loss.toFixed(3)}` : `reward ${p.reward.toFixed(2)} true ${p.truePass?.toFixed(2) ?? '-'} ${p.seconds.toFixed(2)}s/step`;
            running.get(id)?.update(p.step, { info });
            if (!multi && (p.kind === 'step' ? p.step % 50 === 0 : p.step % 200 === 0)) log(`  ${id}: ${p.kind === 'sft' ? 'warm start' : 'GRPO'} step ${p.step}/${p.total}, ${info}`);
          } else if (p.kind === 'warm' && !multi) log(`  ${id}: warm start ${p.cached ? 'loaded from the cache' : 'trained'}`);
          else if (p.kind === 'wait') log(`  ${id}: waiting: ${p.message}`);
          else if (p.kind === 'finished-already') log(`  ${id}: finished by another sweep since this one was planned`);
          break;
        }
        case 'done':
          advance(id, steps.get(id) ?? 0);
          running.get(id)?.stop();
          if (running.has(id)) multi?.remove(running.get(id)!);
          running.delete(id);
          log(`done ${id} (${(e.seconds / 60).toFixed(1)} min)`);
          break;
        case 'failed':
          running.get(id)?.stop();
          if (running.has(id)) multi?.remove(running.get(id)!);
          running.delete(id);
          log(`FAILED ${id}: ${e.message.split('\n')[0]}`);
          break;
        case 'skipped':
          log(`skipped ${id}: ${e.because}`);
          break;
      }
    },
    stop() {
      multi?.stop();
    },
  };
}
