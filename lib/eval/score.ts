import type { PreparedCheck } from '../verifiers/define';
import { passes, type Verdict } from '../verifiers/types';
import { looseVariants, type LooseVariant, type LooseVariantName } from '../verifiers/variants';
import { pyStrip } from '../verifiers/nlp/pytext';
import type { PreparedPrompt } from './input';

/** Upstream's `response.strip()` test: a blank response fails every instruction before any checker runs. */
export function isBlankResponse(response: string): boolean {
  return pyStrip(response) === '';
}

/**
 * Upstream strict mode: a blank response fails every instruction; otherwise the checker's verdict. The scorer and the
 * judge audit's rule truth both use it.
 */
export function checkStrict(check: PreparedCheck, response: string): Verdict {
  return isBlankResponse(response) ? false : check(response);
}

/**
 * Upstream loose mode: the first of the 8 variants that passes decides (blank variants are skipped).
 * `skipOriginal` saves re-checking the untouched text when its strict verdict already failed.
 */
export function checkLoose(check: PreparedCheck, response: string, skipOriginal = false): Verdict {
  return firstPassing(check, looseVariants(response), skipOriginal);
}

function firstPassing(check: PreparedCheck, variants: readonly LooseVariant[], skipOriginal: boolean): Verdict {
  for (const v of variants) {
    if (v.text === null || (skipOriginal && v.name === 'original')) continue;
    const verdict = check(v.text);
    if (passes(verdict)) return verdict;
  }
  return false;
}

/** One loose-mode variant's verdict; null when upstream skips the variant (blank after strip). */
export interface VariantVerdict {
  readonly name: LooseVariantName;
  readonly verdict: Verdict | null;
}

/**
 * Every loose-mode variant's verdict, in upstream order (what golden_checker_variants.jsonl records).
 * @example variantVerdicts(getConstraint('punctuation:no_comma').prepare({}), 'a,b\nc')
 */
export function variantVerdicts(check: PreparedCheck, response: string): VariantVerdict[] {
  return looseVariants(response).map((v) => ({ name: v.name, verdict: v.text === null ? null : check(v.text) }));
}

/** A prompt scored in both modes; `response` is null when no response was joined (then every verdict is false). */
export interface ScoredPrompt {
  readonly key: number | string;
  readonly prompt: string;
  readonly response: string | null;
  readonly instructionIds: readonly string[];
  readonly strict: readonly Verdict[];
  readonly loose: readonly Verdict[];
}

/**
 * Scores prompts against their joined responses, strict and loose. Loose reuses the strict verdict when it
 * passes (the original text is loose's first variant), so most instructions are checked once.
 */
export function scorePrompts(prompts: readonly PreparedPrompt[], responses: ReadonlyArray<string | null>): ScoredPrompt[] {
  return prompts.map((p, i) => {
    const response = responses[i] ?? null;
    if (response === null) {
      const none = p.checks.map((): Verdict => false);
      return { key: p.key, prompt: p.prompt, response, instructionIds: p.instructionIds, strict: none, loose: none };
    }
    const strict = p.checks.map((c) => checkStrict(c, response));
    // Built once per response, and only when some instruction fails strict.
    let variants: LooseVariant[] | undefined;
    const loose = p.checks.map((c, j) =>
      passes(strict[j]!) ? strict[j]! : firstPassing(c, (variants ??= looseVariants(response)), true),
    );
    return { key: p.key, prompt: p.prompt, response, instructionIds: p.instructionIds, strict, loose };
  });
}
