import type { Policy } from '../../../model/policy';
import { createRng } from '../../../stats/rng';
import { countWords } from '../../../verifiers/nlp/pytext';
import { allPass, labVerdicts, type CheckSource } from './checks';
import { promptIds, type LabMeta } from './world';

/*
 * Held-out evaluation as docs/lab-world-findings.md advises: sample at T = 1 with a fixed sampling seed (greedy decoding
 * misleads while the SFT policy is weak) and report each constraint's rate and the response length separately —
 * length is the visible sign of a reward hack.
 */

export interface LabEval {
  /** All three constraints pass. */
  passRate: number;
  lengthRate: number;
  keywordRate: number;
  lowercaseRate: number;
  /** Mean words per response (IFEval word count). */
  responseWords: number;
}

export interface LabEvalOptions {
  readonly maxNewTokens: number;
  /** The sampling seed; the same seed at every evaluation makes the curve comparable step to step. */
  readonly seed: number;
  readonly checks: CheckSource;
  /** Samples per prompt (1 by default). */
  readonly samples?: number;
}

/** Sample one (or `samples`) response per held-out instance and score it. */
export async function evaluateLab(policy: Policy, instances: readonly LabMeta[], o: LabEvalOptions): Promise<LabEval> {
  const tok = policy.tokenizer;
  const k = o.samples ?? 1;
  const metas = instances.flatMap((m) => Array.from({ length: k }, () => m));
  const completions = await policy.generate(
    metas.map((m) => promptIds(tok, m)),
    { maxNewTokens: o.maxNewTokens, temperature: 1, stopTokens: [tok.eos], rng: createRng(o.seed) },
  );
  const sums = { pass: 0, length: 0, keyword: 0, lowercase: 0, words: 0 };
  completions.forEach((ids, i) => {
    const text = tok.decode(ids);
    const v = labVerdicts(text, metas[i]!, o.checks);
    sums.pass += allPass(v) ? 1 : 0;
    sums.length += v.length ? 1 : 0;
    sums.keyword += v.keyword ? 1 : 0;
    sums.lowercase += v.lowercase ? 1 : 0;
    sums.words += countWords(text);
  });
  const n = Math.max(1, metas.length);
  return {
    passRate: sums.pass / n,
    lengthRate: sums.length / n,
    keywordRate: sums.keyword / n,
    lowercaseRate: sums.lowercase / n,
    responseWords: sums.words / n,
  };
}
