import { readPromptRows } from '../data/benchmark';
import { categoryCounts } from '../data/composition';
import { dataPath } from '../data/paths';
import type { Figure } from '../plots/figure';
import { categoryCountsFigure } from '../plots/composition';

/** One figure under figures/: its file stem and how to build it from code and data (no servers, seeded). */
export interface FigureJob {
  readonly name: string;
  readonly description: string;
  readonly build: () => Promise<Figure> | Figure;
}

function categoriesOf(file: string, benchmark: string): Figure {
  const rows = categoryCounts(readPromptRows(dataPath(file))).objects() as Array<{ category: string; count: number }>;
  return categoryCountsFigure(rows, benchmark);
}

/** Every figure `make figures` regenerates, in order. */
export const FIGURE_JOBS: readonly FigureJob[] = [
  { name: 'ifeval-categories', description: 'IFEval: instructions per category', build: () => categoriesOf('ifeval/input_data.jsonl', 'IFEval') },
  { name: 'ifbench-categories', description: 'IFBench: instructions per category', build: () => categoriesOf('ifbench/IFBench_test.jsonl', 'IFBench') },
];
