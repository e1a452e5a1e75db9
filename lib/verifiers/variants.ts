import { pyStrip } from './nlp/pytext';

/** The names of IFEval's loose-mode response variants, in the order upstream tries them. */
export const LOOSE_VARIANT_NAMES = [
  'original',
  'no_asterisks',
  'remove_first_line',
  'remove_last_line',
  'remove_first_and_last_line',
  'no_asterisks_remove_first_line',
  'no_asterisks_remove_last_line',
  'no_asterisks_remove_first_and_last_line',
] as const;

export type LooseVariantName = (typeof LOOSE_VARIANT_NAMES)[number];

/** One loose-mode candidate; `text` is null when upstream skips it (empty after Python strip()). */
export interface LooseVariant {
  readonly name: LooseVariantName;
  readonly text: string | null;
}

/**
 * The 8 texts IFEval's loose mode checks, in upstream order (evaluation_lib.test_instruction_following_loose):
 * r, r without `*`, r minus its first / last / first-and-last line, and those three without `*`.
 * Lines come from split("\n") only (no \r handling); line-removed texts are re-joined and Python-stripped, and the
 * `*` removal happens after that strip.
 * @example looseVariants('Sure!\n**Answer**\nBye').map((v) => v.text)
 */
export function looseVariants(response: string): LooseVariant[] {
  // split('\n'), slice and join('\n') again, as upstream does, are slices between the first and last newline.
  const first = response.indexOf('\n');
  const last = response.lastIndexOf('\n');
  const removeFirst = pyStrip(first < 0 ? '' : response.slice(first + 1));
  const removeLast = pyStrip(last < 0 ? '' : response.slice(0, last));
  const removeBoth = pyStrip(first < 0 ? '' : response.slice(first + 1, last));
  // Most responses have no '*': the variant is then the same string (and found equal without comparing its text).
  const noStar = (s: string): string => (s.includes('*') ? s.replaceAll('*', '') : s);
  const texts = [
    response,
    noStar(response),
    removeFirst,
    removeLast,
    removeBoth,
    noStar(removeFirst),
    noStar(removeLast),
    noStar(removeBoth),
  ];
  return LOOSE_VARIANT_NAMES.map((name, i) => {
    const text = texts[i]!;
    return { name, text: pyStrip(text) === '' ? null : text };
  });
}
