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
  return firstPassing(check, retryTexts(looseVariants(response), skipOriginal));
}

/**
 * The variant texts loose mode has to check, in upstream order: non-blank, each text once, and without the original
 * when its strict verdict already failed. A checker is a pure function of its text, so a variant equal to an earlier
 * one (most responses have no `*`, which makes `no_asterisks` the original again) fails again: upstream checks it
 * anyway, to the same verdict.
 */
function retryTexts(variants: readonly LooseVariant[], skipOriginal: boolean): string[] {
  const seen: string[] = [];
  const texts: string[] = [];
  for (const v of variants) {
    if (v.text === null || seen.includes(v.text)) continue;
    seen.push(v.text);
    if (!(skipOriginal && v.name === 'original')) texts.push(v.text);
  }
  return texts;
}

function firstPassing(check: PreparedCheck, texts: readonly string[]): Verdict {
  for (const text of texts) {
    const verdict = check(text);
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
  const byText = new Map<string, Verdict>(); // equal variants get one check (see retryTexts)
  return looseVariants(response).map((v) => {
    if (v.text === null) return { name: v.name, verdict: null };
    let verdict = byText.get(v.text);
    if (verdict === undefined) byText.set(v.text, (verdict = check(v.text)));
    return { name: v.name, verdict };
  });
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
    let texts: string[] | undefined;
    const loose = p.checks.map((c, j) => (passes(strict[j]!) ? strict[j]! : firstPassing(c, (texts ??= retryTexts(looseVariants(response), true)))));
    return { key: p.key, prompt: p.prompt, response, instructionIds: p.instructionIds, strict, loose };
  });
}
