import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPromptRows, readResponseRows } from '../data/benchmark';
import { categoryCounts } from '../data/composition';
import { dataPath } from '../data/paths';
import { headlineGroups } from '../eval/benchmark-gap';
import { evaluateFiles } from '../eval/evaluate';
import { buildAuditCases } from '../judge/audit-input';
import { paperJudgePresets } from '../judge/paper-judges';
import { judgeRewardCurve } from '../rewards/reward-curve';
import { compareJudges } from '../judge/run-audit';
import { createNoisyJudge } from '../judge/simulated';
import { jobDir } from '../lab/jobs';
import type { Experiment, NamedFigure, Size } from '../lab/experiments/define';
import { EXPERIMENTS } from '../lab/experiments/registry';
import { findResults, SHOWN_SIZES, type RunsRoots } from '../lab/find-results';
import { defaultRunsRoot } from '../lab/roots';
import type { LabEval } from '../lab/tasks/first-task/evaluate';
import { categoryCountsFigure } from '../plots/composition';
import { evalAccuracyFigure } from '../plots/eval';
import type { Figure } from '../plots/figure';
import { judgeComparisonFigure, judgeRewardCurveFigure } from '../plots/judge';
import { labCurveFigure } from '../plots/lab';

/** One figure under figures/: its file stem and how to build it from code and data (no servers, seeded). */
export interface FigureJob {
  readonly name: string;
  readonly description: string;
  readonly build: () => Promise<Figure> | Figure;
}


const IFEVAL_GPT4 = ['ifeval/input_data_gpt4_20231107_145030.jsonl', 'ifeval/input_response_data_gpt4_20231107_145030.jsonl'] as const;
const IFBENCH_SAMPLE = ['ifbench/IFBench_test.jsonl', 'ifbench/sample_output.jsonl'] as const;
const SEED = 0;

function categoriesOf(file: string, benchmark: string): Figure {
  const rows = categoryCounts(readPromptRows(dataPath(file))).objects() as Array<{ category: string; count: number }>;
  return categoryCountsFigure(rows, benchmark);
}

// Two figures use the IFEval summary: score each benchmark once per process.
const summaries = new Map<string, ReturnType<typeof evaluateFiles>['summary']>();
function evaluate([input, responses]: readonly [string, string]) {
  const key = `${input}\n${responses}`;
  if (!summaries.has(key)) summaries.set(key, evaluateFiles(dataPath(input), dataPath(responses), { seed: SEED }).summary);
  return summaries.get(key)!;
}

async function simulatedJudgesFigure(): Promise<Figure> {
  const cases = buildAuditCases(readPromptRows(dataPath(IFEVAL_GPT4[0])), readResponseRows(dataPath(IFEVAL_GPT4[1])));
  const presets = paperJudgePresets(0.95, SEED);
  const results = await compareJudges(cases, presets.map((p) => createNoisyJudge(p.options)), { seed: SEED, resamples: 1000 });
  return judgeComparisonFigure(
    results.map((r) => ({ name: r.judge, ...r.report.overall.metrics })),
    'Simulated judges at the recalls of arXiv 2601.04954 (IFEval GPT-4)',
  );
}

function rewardCurveFigure(): Figure {
  const presets = paperJudgePresets(0.95, SEED);
  const curve = judgeRewardCurve({ constraints: 3, violated: [0, 1, 2, 3], recallCompliant: 0.95, aggregate: 'all' });
  return judgeRewardCurveFigure(curve, presets.map((p) => ({ label: p.short, recall: p.options.recallViolation })), 'Expected all-pass reward of a response with 3 constraints');
}

/** The first task's seed-1 run: full size (runs/) if it exists, else the quick tour's. */
function firstTaskRun(): string {
  const at = (size: Size) => join(jobDir(defaultRunsRoot(size), 'first-task', 'rule-reward', 1), 'final.json');
  const file = [at('full'), at('quick')].find(existsSync);
  if (file === undefined) throw new Error(`figures: ${at('full')} is missing; run \`make reproduce\` (or \`ifkit lab run first-task\`) first`);
  return file;
}

function labCurve(): Figure {
  const file = firstTaskRun();
  const { curve } = JSON.parse(readFileSync(file, 'utf8')) as { curve: { step: number; eval: LabEval }[] };
  return labCurveFigure(curve.map((c) => ({ step: c.step, ...c.eval })), 'Lab first task: GRPO with the precise all-pass rule reward (held-out, T = 1)');
}

/** Every figure `make figures` regenerates, in order. */
export const FIGURE_JOBS: readonly FigureJob[] = [
  { name: 'ifeval-categories', description: 'IFEval: instructions per category', build: () => categoriesOf('ifeval/input_data.jsonl', 'IFEval') },
  { name: 'ifbench-categories', description: 'IFBench: instructions per category', build: () => categoriesOf('ifbench/IFBench_test.jsonl', 'IFBench') },
  {
    name: 'ifeval-gpt4-accuracy',
    description: 'IFEval GPT-4 responses: strict and loose accuracy per category, 95% CIs',
    build: () => evalAccuracyFigure(evaluate(IFEVAL_GPT4).perCategory, { title: 'GPT-4 on IFEval: accuracy per category (95% bootstrap CI)' }),
  },
  {
    name: 'ifeval-vs-ifbench',
    description: 'prompt- and instruction-level accuracy on IFEval (GPT-4) and IFBench (sample responses)',
    build: () =>
      evalAccuracyFigure(
        headlineGroups([
          { name: 'IFEval (GPT-4)', summary: evaluate(IFEVAL_GPT4) },
          { name: 'IFBench (sample)', summary: evaluate(IFBENCH_SAMPLE) },
        ]),
        { title: 'In-distribution IFEval vs out-of-distribution IFBench (95% bootstrap CI)' },
      ),
  },
  { name: 'judge-simulated-recall', description: 'simulated judges at the paper-reported recalls, audited on IFEval GPT-4', build: simulatedJudgesFigure },
  { name: 'judge-reward-curve', description: 'expected reward under a judge as a function of its recall on violations', build: rewardCurveFigure },
  { name: 'lab-first-task-curve', description: 'the lab policy under GRPO: held-out rates per constraint', build: labCurve },
];

/** An experiment's figures, written as figures/<experiment>-<name>: built from its runs, or skipped (with the reason) when none have run. */
export interface ExperimentFigureJob {
  readonly experiment: string;
  build(roots?: RunsRoots, sizes?: readonly Size[]): { readonly figures: readonly NamedFigure[]; readonly source: string } | { readonly skipped: string };
}

function experimentFigures(e: Experiment & Required<Pick<Experiment, 'figures'>>, roots: RunsRoots = {}, sizes: readonly Size[] = SHOWN_SIZES): ReturnType<ExperimentFigureJob['build']> {
  let found: ReturnType<typeof findResults>;
  try {
    found = findResults(e, roots, sizes);
  } catch (err) {
    // A directory of another config is worth a loud line, not a failed `make figures`: the other figures stand.
    return { skipped: (err as Error).message };
  }
  if (!found) {
    const where = sizes.map((s) => `${roots[s] ?? defaultRunsRoot(s)}/`).join(' or ');
    return { skipped: `no finished runs under ${where} (run \`ifkit lab run ${e.name} --size quick\` or \`make reproduce\`)` };
  }
  const total = found.results.runs.length + found.missing.length;
  return { figures: e.figures(found.results), source: `${found.size} runs in ${found.root}, ${found.results.runs.length} of ${total} finished` };
}

/** Every experiment with figures, in the registry's order: full-size runs (runs/) when finished, else quick ones (runs/quick/). */
export const EXPERIMENT_FIGURE_JOBS: readonly ExperimentFigureJob[] = EXPERIMENTS.flatMap((e) =>
  e.figures ? [{ experiment: e.name, build: (roots?: RunsRoots, sizes?: readonly Size[]) => experimentFigures({ ...e, figures: e.figures! }, roots, sizes) }] : [],
);
