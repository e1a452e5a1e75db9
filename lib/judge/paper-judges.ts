import type { NoisyJudgeOptions } from './simulated';

/** A simulated judge set to a recall a paper reports; always shown as a simulation, with its source. */
export interface PaperJudgePreset {
  readonly label: string;
  readonly options: NoisyJudgeOptions;
  readonly source: string;
}

const SOURCE =
  'arXiv 2601.04954, App. E judge audit (200 instances, human gold labels), recall on false responses for hard ' +
  'constraints, as given in third-party reading notes (docs REFERENCE_NOTES §1): check against the paper PDF before quoting';

/**
 * Noisy simulated judges at the recalls on violations 2601.04954 reports for hard constraints. The paper gives no
 * recall on compliant responses; `recallCompliant` is an assumption (0.95) you can change.
 */
export function paperJudgePresets(recallCompliant = 0.95, seed = 0): PaperJudgePreset[] {
  const preset = (model: string, recallViolation: number): PaperJudgePreset => {
    const label = `${model} (simulated, recall ${recallViolation})`;
    return { label, options: { recallViolation, recallCompliant, seed, label }, source: SOURCE };
  };
  return [
    preset('Qwen3-32B, several constraints per call', 0.306),
    preset('QwQ-32B, several constraints per call', 0.441),
    preset('Qwen3-32B, one constraint per call', 0.593),
    preset('Gemini-2.5-pro, several constraints per call', 0.657),
  ];
}
