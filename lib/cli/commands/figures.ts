import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Figure } from '../../plots/figure';
import { closeRenderer, renderFigure } from '../../plots/render';
import { EXPERIMENT_FIGURE_JOBS, FIGURE_JOBS, type ExperimentFigureJob } from '../figure-jobs';
import { SIZES, type Size } from '../../lab/experiments/define';
import type { RunsRoots } from '../../lab/find-results';
import { defaultRunsRoot } from '../../lab/roots';
import { choiceFlag, positiveIntFlag } from '../flags';

interface FiguresOptions {
  out: string;
  only?: string[];
  width?: string;
  height?: string;
  runs?: string;
  size?: string;
}

/** Is an --only name an experiment's figure set or one of its figures (<experiment>-<name>)? */
const namesExperiment = (name: string, experiment: string): boolean => name === experiment || name.startsWith(`${experiment}-`);

/** The roots to look for runs in: --size picks one size (in --runs itself); else full in --runs and quick in --runs/quick. */
function runsRoots(opts: FiguresOptions): { roots: RunsRoots; sizes?: readonly Size[] } {
  if (opts.size === undefined) return { roots: opts.runs !== undefined ? { full: opts.runs, quick: join(opts.runs, 'quick') } : {} };
  const size = choiceFlag('size', opts.size, SIZES);
  return { roots: { [size]: opts.runs ?? defaultRunsRoot(size) }, sizes: [size] };
}

/** Draws an experiment's figures (those --only asks for), or says why it skipped. */
async function drawExperiment(set: ExperimentFigureJob, only: readonly string[] | undefined, where: ReturnType<typeof runsRoots>, write: (stem: string, fig: Figure) => Promise<void>): Promise<void> {
  const built = set.build(where.roots, where.sizes);
  if ('skipped' in built) {
    console.log(`${set.experiment}: skipped, ${built.skipped}`);
    return;
  }
  const wanted = built.figures.filter((f) => !only || only.includes(set.experiment) || only.includes(`${set.experiment}-${f.name}`));
  for (const f of wanted) {
    const t0 = Date.now();
    await write(`${set.experiment}-${f.name}`, f.figure);
    console.log(`${set.experiment}-${f.name}.svg/.png  ${f.description}  (${built.source}; ${Date.now() - t0} ms)`);
  }
}

/** `ifkit figures`: regenerate every file under figures/ (SVG + PNG) from code, data and the experiments' runs. */
export function registerFiguresCommand(program: Command): void {
  program
    .command('figures')
    .description("regenerate every figure under figures/ (SVG and PNG) from code, data and the lab experiments' runs (skipped when none have run)")
    .option('--out <dir>', 'output folder', 'figures')
    .option('--only <names...>', 'figure names (or experiment names) to build')
    .option('--width <px>', "width in CSS pixels (default: the figure's own, else 720)")
    .option('--height <px>', "height in CSS pixels (default: the figure's own, else 420)")
    .option('--runs <dir>', 'where the experiments ran: full size in <dir>, quick size in <dir>/quick (default: runs)')
    .option('--size <size>', `draw the experiments from runs of this size only (${SIZES.join(', ')}), found in --runs itself`)
    .action(async (opts: FiguresOptions) => {
      const only = opts.only;
      const jobs = FIGURE_JOBS.filter((j) => !only || only.includes(j.name));
      const sets = EXPERIMENT_FIGURE_JOBS.filter((j) => !only || only.some((n) => namesExperiment(n, j.experiment)));
      const unknown = (only ?? []).filter((n) => !FIGURE_JOBS.some((j) => j.name === n) && !EXPERIMENT_FIGURE_JOBS.some((j) => namesExperiment(n, j.experiment)));
      if (unknown.length) {
        const known = [...FIGURE_JOBS.map((j) => j.name), ...EXPERIMENT_FIGURE_JOBS.map((j) => `${j.experiment}[-<figure>]`)];
        console.error(`figures: unknown figure(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const size = {
        ...(opts.width !== undefined ? { width: positiveIntFlag('width', opts.width) } : {}),
        ...(opts.height !== undefined ? { height: positiveIntFlag('height', opts.height) } : {}),
      };
      const where = runsRoots(opts);
      mkdirSync(opts.out, { recursive: true });
      const write = async (stem: string, fig: Figure): Promise<void> => {
        writeFileSync(join(opts.out, `${stem}.svg`), (await renderFigure(fig, { format: 'svg', ...size })) as string);
        writeFileSync(join(opts.out, `${stem}.png`), (await renderFigure(fig, { format: 'png', ...size })) as Buffer);
      };
      try {
        for (const [i, job] of jobs.entries()) {
          const t0 = Date.now();
          await write(job.name, await job.build());
          console.log(`[${i + 1}/${jobs.length}] ${job.name}.svg/.png  ${job.description}  (${Date.now() - t0} ms)`);
        }
        for (const set of sets) await drawExperiment(set, only, where, write);
      } finally {
        await closeRenderer();
      }
    });
}
