/** IFTrain copy constraints: repeat a phrase with one word changed, copy the prompt or a span of it. */
import { z } from 'zod';
import type { Rng } from '../../stats/rng';
import { pick } from '../../stats/rng';
import { pySlice, pySplit, pyStrip } from '../nlp/pytext';
import { iftrainConstraint, nonZeroInt, strippedText } from './common';

const PHRASES = [
  'Dance like nobody is watching you',
  'The early bird catches the worm',
  'Time flies when having fun',
  'Every cloud has a silver lining',
  'Actions speak louder than words',
  "Don't judge a book by cover",
  'Live each day to the fullest',
  'All that glitters is not gold',
  'Laughter is the best medicine',
  'The pen is mightier than sword',
];

const same = (a: string, b: string): boolean => pyStrip(a).toLowerCase() === pyStrip(b).toLowerCase();

/**
 * Python `re.findall(f"{first} .*? {last}", text)` for literal words: the leftmost `first ` whose line (`.` stops at
 * a newline) holds a later ` last`, ended by the nearest such ` last`, then on from the match's end. The next
 * ` last` and the next newline are found once and reused while the search moves right, so the whole scan is linear
 * (the regex retried the rest of the line from every `first `: 1.1 s on 120 KB of repeated first words).
 */
export function findLazySpans(text: string, first: string, last: string): string[] {
  const opener = `${first} `;
  const closer = ` ${last}`;
  const found: string[] = [];
  let nextCloser = -1;
  let nextNewline = -1;
  for (let from = 0; ; ) {
    const start = text.indexOf(opener, from);
    if (start < 0) return found;
    const afterOpener = start + opener.length;
    if (nextCloser < afterOpener) nextCloser = text.indexOf(closer, afterOpener);
    if (nextCloser < 0) return found;
    if (nextNewline < afterOpener) {
      // No newline ahead counts as one past the end, so a text without newlines is searched once, not per opener.
      const at = text.indexOf('\n', afterOpener);
      nextNewline = at < 0 ? text.length : at;
    }
    if (nextNewline < nextCloser) {
      // No ` last` on this line after this `first `: the regex moves on one position.
      from = start + 1;
      continue;
    }
    const end = nextCloser + closer.length;
    found.push(text.slice(start, end));
    from = end;
  }
}

/** Upstream finds `first .*? last` (raw regex, case-sensitive); each hit must differ from the phrase in one word. */
function checkRepeatPhrase(response: string, { phrase, small_n }: { phrase: string; small_n: number }): boolean {
  const ref = pySplit(phrase);
  const found = findLazySpans(response, ref[0]!, ref[ref.length - 1]!);
  if (found.length !== small_n) return false;
  let satisfied = 0;
  for (const hit of found) {
    const words = pySplit(hit);
    if (words.length !== ref.length) return false;
    const differences = words.filter((w, i) => w !== ref[i]).length;
    if (differences > 1) return false;
    if (differences === 1) satisfied++;
  }
  return satisfied === small_n;
}

const PY_REGEX_SYNTAX = /[.^$*+?{}[\]\\|()]/;

/** Upstream makes a regex of the phrase's first and last words; ifkit runs phrases whose two words are plain text. */
function phraseProblem(phrase: string): string | undefined {
  const w = pySplit(phrase);
  if (w.length === 0) return "is blank: upstream strips it to '' and its check raises IndexError on ''.split()[0]";
  const syntax = [w[0]!, w[w.length - 1]!].find((word) => PY_REGEX_SYNTAX.test(word));
  return syntax === undefined
    ? undefined
    : `upstream builds the regex "<first word> .*? <last word>" from the phrase, and "${syntax}" holds regex syntax, which would change what it matches; ifkit checks phrases whose first and last words are plain text`;
}

/** The prompt to copy: upstream raises ValueError('prompt_to_repeat must be set.') when it is empty. */
const promptSchema = z.string({ error: 'must be a string' }).min(1, "is empty, and upstream raises ValueError('prompt_to_repeat must be set.')");

const repeatPhraseKwargs = z.object({
  phrase: strippedText.superRefine((p, ctx) => {
    const problem = phraseProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  // A negative count is kept upstream and never equals the number of phrases found: the check fails.
  small_n: nonZeroInt,
});

export const repeatPhrase = iftrainConstraint({
  id: 'copy:repeat_phrase',
  kwargs: repeatPhraseKwargs,
  describe: (k) =>
    `Repeat the phrase ${k.phrase} exactly ${k.small_n} times, transforming it slightly each time by replacing only one word in the center of the phrase.`,
  sampleKwargs: (rng) => ({ phrase: pick(PHRASES, rng), small_n: rng.int(2, 3) }),
  check: checkRepeatPhrase,
});

const COPY_TEXT =
  'Copy this instruction verbatim, do not follow the instruction, only copy it into the output (do not include this instruction sentence!).';

export const copy = iftrainConstraint({
  id: 'copy:copy',
  kwargs: z.object({ prompt_to_repeat: promptSchema }),
  describe: () => COPY_TEXT,
  check: (response, k) => same(response, k.prompt_to_repeat),
});

// 0 is a random draw upstream; a negative index slices from the end, as Python's str slicing does.
const spanKwargs = z.object({ prompt_to_repeat: promptSchema, n_start: nonZeroInt, n_end: nonZeroInt });

export const copySpanIdx = iftrainConstraint({
  id: 'new:copy_span_idx',
  kwargs: spanKwargs,
  describe: (k) =>
    `Copy the span of words that lies between (and including) index ${k.n_start} and ${k.n_end}, the indices are character indices!`,
  // Upstream slices [n_start:n_end], excluding n_end although the instruction says "and including".
  check: (response, k) => same(response, pySlice(k.prompt_to_repeat, k.n_start, k.n_end)),
  // "Including n_end": one past it, and to the end for n_end = -1 (where n_end + 1 = 0 would slice nothing).
  checkCorrected: (response, k) => same(response, pySlice(k.prompt_to_repeat, k.n_start, k.n_end === -1 ? undefined : k.n_end + 1)),
});

const SIMPLE_TEXT =
  'Repeat the request without change (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!';

export const copyingSimple = iftrainConstraint({
  id: 'copy:copying_simple',
  kwargs: z.object({ prompt_to_repeat: promptSchema }),
  describe: () => SIMPLE_TEXT,
  check: (response, k) => same(response, k.prompt_to_repeat),
});

export const copyingMultiple = iftrainConstraint({
  id: 'copy:copying_multiple',
  kwargs: z.object({ prompt_to_repeat: promptSchema, N: nonZeroInt }),
  describe: (k) =>
    `Repeat the request without change ${k.N} times, separated by 6 asterisk symbols (do not say anything before repeating the request; the request you need to repeat does not include this sentence) and do not answer the actual request!`,
  check: (response, k) => {
    const copies = response.split('******');
    return copies.length === k.N && copies.every((c) => same(c, k.prompt_to_repeat));
  },
});

/** Kwargs for the copy ids that depend on the prompt (used by the synthesiser). */
export function samplePromptKwargs(id: string, prompt: string, rng: Rng): Record<string, unknown> | null {
  switch (id) {
    case 'copy:copy':
    case 'copy:copying_simple':
      return { prompt_to_repeat: prompt };
    case 'copy:copying_multiple':
      return { prompt_to_repeat: prompt, N: rng.int(2, 3) };
    case 'new:copy_span_idx': {
      const len = [...prompt].length;
      if (len < 2) return null;
      const n_start = rng.int(0, len - 2);
      return { prompt_to_repeat: prompt, n_start, n_end: rng.int(n_start + 1, len - 1) };
    }
    default:
      return null;
  }
}
