import type { NoisyJudgeOptions } from './simulated';

/** A simulated judge set to a recall a paper reports; always shown as a simulation, with its source. */
export interface PaperJudgePreset {
  readonly label: string;
  /** A few words for crowded plots, e.g. 'Qwen3-32B batched'. */
  readonly short: string;
  readonly options: NoisyJudgeOptions;
  readonly source: string;
}

const SOURCE =
  'arXiv 2601.04954, App. E judge audit (200 instances, human gold labels), recall on false responses for hard ' +
  'constraints, as given in third-party reading notes (docs/paper-numbers.md): check against the paper PDF before quoting';

const PAPER_RECALLS: readonly (readonly [string, string, number])[] = [
  ['Qwen3-32B, several constraints per call', 'Qwen3-32B batched', 0.306],
  ['QwQ-32B, several constraints per call', 'QwQ-32B batched', 0.441],
  ['Qwen3-32B, one constraint per call', 'Qwen3-32B one per call', 0.593],
  ['Gemini-2.5-pro, several constraints per call', 'Gemini-2.5-pro batched', 0.657],
];

/**
 * Noisy simulated judges at the recalls on violations 2601.04954 reports for hard constraints. The paper gives no
 * recall on compliant responses; `recallCompliant` is an assumption (0.95) you can change. Each preset gets its own
 * seed (seed + index), so their errors are independent rather than the same draws thresholded at different recalls.
 */
export function paperJudgePresets(recallCompliant = 0.95, seed = 0): PaperJudgePreset[] {
  return PAPER_RECALLS.map(([model, short, recallViolation], i) => {
    const label = `${model} (simulated, recall ${recallViolation})`;
    return { label, short, options: { recallViolation, recallCompliant, seed: seed + i, label }, source: SOURCE };
  });
}
