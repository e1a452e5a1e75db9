import * as aq from 'arquero';
import type { EvalSummary, GroupAccuracy } from './metrics';

type Table = ReturnType<typeof aq.from>;

/** One benchmark's scores under a display name (e.g. 'IFEval (GPT-4)'). */
export interface NamedSummary {
  readonly name: string;
  readonly summary: EvalSummary;
}

/** IFEval / IFBench prompt-level loose accuracy (%, T=0) of one model in the IFBench paper. */
export interface PaperGapRow {
  readonly model: string;
  readonly ifeval: number;
  readonly ifbench: number;
}

/** Where `IFBENCH_PAPER_GAP` comes from (docs/paper-numbers.md). */
export const IFBENCH_PAPER_SOURCE =
  'IFBench paper (arXiv 2507.02833, Precise_IF_Generalization_Abilities.pdf in allenai/IFBench), Table 3: prompt-level loose accuracy at T=0';

/** The IFBench paper's Table 3: the same models on IFEval and on IFBench. */
export const IFBENCH_PAPER_GAP: readonly PaperGapRow[] = [
  { model: 'Tülu-SFT', ifeval: 72.8, ifbench: 20.7 },
  { model: 'Tülu-DPO', ifeval: 81.1, ifbench: 25.5 },
  { model: 'Tülu 3', ifeval: 82.4, ifbench: 28.9 },
  { model: 'IF-RLVR Tülu-DPO-8B', ifeval: 92.2, ifbench: 44.6 },
  { model: 'IF-RLVR Qwen2.5-7B', ifeval: 87.8, ifbench: 53.7 },
];

/** The paper's rows with the gap (IFEval minus IFBench, percentage points). */
export function paperGapTable(rows: readonly PaperGapRow[] = IFBENCH_PAPER_GAP): Table {
  return aq.from(rows.map((r) => ({ model: r.model, ifeval: r.ifeval, ifbench: r.ifbench, gap_points: Math.round((r.ifeval - r.ifbench) * 10) / 10 })));
}

/**
 * Each benchmark's prompt-level and instruction-level accuracy as figure groups named '<benchmark> · <level>'.
 * @example evalAccuracyFigure(headlineGroups([{ name: 'IFEval', summary }]), { title: 'IFEval vs IFBench' })
 */
export function headlineGroups(benchmarks: readonly NamedSummary[]): GroupAccuracy[] {
  return benchmarks.flatMap(({ name, summary: s }) => [
    { name: `${name} · prompt-level`, strict: s.promptLevelStrict, loose: s.promptLevelLoose },
    { name: `${name} · instruction-level`, strict: s.instructionLevelStrict, loose: s.instructionLevelLoose },
  ]);
}

/** Every benchmark's per-category accuracies, one list, categories named '<benchmark> · <category>'. */
export function categoryGroups(benchmarks: readonly NamedSummary[]): GroupAccuracy[] {
  return benchmarks.flatMap(({ name, summary }) => summary.perCategory.map((g) => ({ ...g, name: `${name} · ${g.name}` })));
}

/** One row per benchmark and level: followed/total and accuracy with its 95% bounds, strict and loose. */
export function benchmarkComparisonTable(benchmarks: readonly NamedSummary[]): Table {
  return aq.from(
    headlineGroups(benchmarks).map((g) => ({
      group: g.name,
      strict: `${g.strict.followed}/${g.strict.total}`,
      strict_acc: g.strict.accuracy,
      strict_lo: g.strict.ci.lo,
      strict_hi: g.strict.ci.hi,
      loose: `${g.loose.followed}/${g.loose.total}`,
      loose_acc: g.loose.accuracy,
      loose_lo: g.loose.ci.lo,
      loose_hi: g.loose.ci.hi,
    })),
  );
}
