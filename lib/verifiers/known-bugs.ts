/**
 * Known upstream verifier bugs, as data. ifkit's default checkers reproduce them (benchmark numbers stay
 * comparable); where `hasCorrected` is set, the 'corrected' variant fixes the bug. A test replays every example.
 */
import type { Suite } from './types';

/** How the bug shows: compliant responses rejected, violations accepted, or a verdict that depends on chance. */
export type BugEffect = 'false-rejection' | 'false-acceptance' | 'nondeterministic';

export interface KnownBug {
  readonly id: string;
  readonly suite: Suite;
  readonly effect: BugEffect;
  /** What goes wrong, in one or two sentences. */
  readonly summary: string;
  /** Kwargs and a response showing the bug (a compliant response for a false rejection). */
  readonly example: { readonly kwargs: Readonly<Record<string, unknown>>; readonly response: string };
  /** Upstream's verdict on the example; 'random' when upstream replaces the kwargs by a random draw. */
  readonly upstreamVerdict: boolean | 'random';
  /** For 'random' rows: ifkit refuses such kwargs, or takes the given value literally. */
  readonly ifkit?: 'rejects-kwargs' | 'uses-given-value';
  /** The upstream issue, pull request or source line. */
  readonly link: string;
  /** True when the id's 'corrected' variant fixes this bug (and accepts the example); another row may fix another. */
  readonly hasCorrected: boolean;
}

const IFEVALG = 'https://github.com/allenai/open-instruct/blob/e6c3044aa6201c8bfa4573c1b03142af599e730d/open_instruct/IFEvalG/instructions.py';
const IFBENCH = 'https://github.com/allenai/IFBench/blob/db69a6f05689830b0068b8f1529ebcfd2f3b164c/ifbench/instructions.py';
const PROMPT = 'Write a poem about the sea.';

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'count:counting_composition', suite: 'iftrain', effect: 'false-rejection',
    summary: 'The instruction names the divider "* * *" but the checker splits paragraphs only on "***", so a response using the named divider is one paragraph.',
    example: { kwargs: { n_sent: 1, n_words: 2 }, response: 'Cats run.\n* * *\nDogs bark.\n* * *\nBirds fly.' },
    upstreamVerdict: false, link: 'https://github.com/allenai/open-instruct/pull/1718', hasCorrected: true,
  },
  {
    id: 'count:counting_composition', suite: 'iftrain', effect: 'false-rejection',
    summary: 'Words are word_tokenize tokens, so each sentence\'s final "." counts as a word: "exactly n words" needs n-1 words.',
    example: { kwargs: { n_sent: 2, n_words: 2 }, response: 'Cats run. Dogs bark.\n***\nBirds fly. Fish swim.\n***\nCows moo. Pigs oink.' },
    upstreamVerdict: false, link: 'https://github.com/allenai/open-instruct/pull/1718', hasCorrected: true,
  },
  {
    id: 'count:count_unique', suite: 'iftrain', effect: 'false-rejection',
    summary: 'Punctuation tokens count as words, so any two sentences ending in "." repeat a "word".',
    example: { kwargs: {}, response: 'Hello world. Nice day.' },
    upstreamVerdict: false, link: 'https://github.com/allenai/open-instruct/pull/1718', hasCorrected: true,
  },
  {
    id: 'new:copy_span_idx', suite: 'iftrain', effect: 'false-rejection',
    summary: 'The instruction says the span runs "between (and including)" n_start and n_end, but the checker slices [n_start:n_end], excluding n_end (IFBench\'s copy includes it).',
    example: { kwargs: { prompt_to_repeat: PROMPT, n_start: 2, n_end: 20 }, response: 'ite a poem about th' },
    upstreamVerdict: false, link: `${IFEVALG}#L1585-L1625`, hasCorrected: true,
  },
  {
    id: 'new:copy_span_idx', suite: 'iftrain', effect: 'nondeterministic',
    summary: 'n_start = 0 is falsy, so build_description replaces it by random.randint(0, len - 2): a span from the start of the prompt is checked against a random span.',
    example: { kwargs: { prompt_to_repeat: PROMPT, n_start: 0, n_end: 5 }, response: 'Write' },
    upstreamVerdict: 'random', ifkit: 'rejects-kwargs', link: 'https://github.com/modelscope/evalscope/pull/1346', hasCorrected: false,
  },
  {
    id: 'keywords:keyword_specific_position', suite: 'iftrain', effect: 'false-rejection',
    summary: 'The m-th "word" is the m-th word_tokenize token, so a comma before the keyword shifts its position.',
    example: { kwargs: { keyword: 'blue', n: 2, m: 3 }, response: 'Hi there. The sky, blue is.' },
    upstreamVerdict: false, link: 'https://github.com/allenai/IFBench/issues/22', hasCorrected: true,
  },
  {
    id: 'count:lowercase_counting', suite: 'iftrain', effect: 'false-rejection',
    summary: '"All lowercase words should appear at most N times" is checked as "at most N lowercase words in total". The wording is ambiguous, so no corrected checker.',
    example: { kwargs: { N: 2 }, response: 'the cat and the dog' },
    upstreamVerdict: false, link: `${IFEVALG}#L2281-L2310`, hasCorrected: false,
  },
  {
    id: 'count:lowercase_counting', suite: 'iftrain', effect: 'nondeterministic',
    summary: 'Counts of 0 are falsy: IFEvalG replaces N, small_n, n_sent, n_words, n and m by random draws when they are 0.',
    example: { kwargs: { N: 0 }, response: 'HELLO' },
    upstreamVerdict: 'random', ifkit: 'rejects-kwargs', link: `${IFEVALG}#L2284-L2296`, hasCorrected: false,
  },
  {
    id: 'letters:letter_counting2', suite: 'iftrain', effect: 'nondeterministic',
    summary: 'A letter that is not one ASCII letter is replaced by a random letter.',
    example: { kwargs: { letter: '#', let_frequency: 2, let_relation: 'at least' }, response: '## yes' },
    upstreamVerdict: 'random', ifkit: 'rejects-kwargs', link: `${IFEVALG}#L1272-L1295`, hasCorrected: false,
  },
  {
    id: 'detectable_format:sentence_hyphens', suite: 'iftrain', effect: 'false-rejection',
    summary: 'Every "-" is read as a sentence joint, so a hyphenated word inside a sentence breaks the match.',
    example: { kwargs: {}, response: 'A well-known fact.-It is true.' },
    upstreamVerdict: false, link: `${IFEVALG}#L1628-L1652`, hasCorrected: false,
  },
  {
    id: 'keywords:palindrome', suite: 'iftrain', effect: 'false-acceptance',
    summary: 'Any one-character word ("a", "I") is its own reverse, so nearly every English response passes.',
    example: { kwargs: {}, response: 'I saw it' },
    upstreamVerdict: true, link: `${IFEVALG}#L2492-L2517`, hasCorrected: false,
  },
  {
    id: 'keywords:exclude_word_harder', suite: 'iftrain', effect: 'false-acceptance',
    summary: 'Only " keyword " between two spaces is caught: the word at the start, the end or before punctuation goes unseen.',
    example: { kwargs: { keyword: 'sea' }, response: 'I love the sea.' },
    upstreamVerdict: true, link: `${IFEVALG}#L1810-L1842`, hasCorrected: false,
  },
  {
    id: 'length_constraints:nth_paragraph_first_word', suite: 'ifeval', effect: 'false-rejection',
    summary: 'Empty pieces are dropped from the paragraph count but not from the list indexed, so leading blank lines make paragraph 1 the empty piece.',
    example: { kwargs: { num_paragraphs: 2, nth_paragraph: 1, first_word: 'first' }, response: '\n\nFirst para.\n\nSecond para.' },
    upstreamVerdict: false, link: 'https://github.com/scitix/sieval/pull/104', hasCorrected: false,
  },
  {
    id: 'words:words_position', suite: 'ifbench', effect: 'false-rejection',
    summary: 'Positions count word_tokenize tokens, so punctuation (a comma after the first word, a final "!") shifts the second and second-to-last word.',
    example: { kwargs: { keyword: 'whisper' }, response: 'Well, whisper softly, and I whisper it.' },
    upstreamVerdict: false, link: 'https://github.com/allenai/IFBench/issues/22', hasCorrected: true,
  },
  {
    id: 'format:line_indent', suite: 'ifbench', effect: 'false-rejection',
    summary: 'Blank lines are removed from the list while iterating over it, so the second of two consecutive blank lines stays and breaks the stairs.',
    example: { kwargs: {}, response: 'a\n\n\n b\n  c' },
    upstreamVerdict: false, link: IFBENCH, hasCorrected: true,
  },
  {
    id: 'format:no_bullets_bullets', suite: 'ifbench', effect: 'false-rejection',
    summary: 'One variable serves as both "still in the sentences" flag and bullet list, so a blank line ends the sentence part early, and so does a final newline.',
    example: { kwargs: {}, response: 'It is cold.\n\nIt is late.\n* coat\n* hat\n' },
    upstreamVerdict: false, link: IFBENCH, hasCorrected: true,
  },
  {
    id: 'ratio:sentence_type', suite: 'ifbench', effect: 'false-rejection',
    summary: 'punkt keeps a closing quote with its sentence, so a quoted statement ends with \'"\' and is counted as neither type.',
    example: { kwargs: {}, response: 'I run. He said "I jump." Do you?' },
    upstreamVerdict: false, link: IFBENCH, hasCorrected: true,
  },
  {
    id: 'ratio:sentence_balance', suite: 'ifbench', effect: 'false-rejection',
    summary: 'punkt keeps a closing quote with its sentence, so a quoted question ends with \'"\' and is not counted.',
    example: { kwargs: {}, response: 'I run. "Do you?" Wow!' },
    upstreamVerdict: false, link: IFBENCH, hasCorrected: true,
  },
  {
    id: 'custom:sentence_alphabet', suite: 'ifbench', effect: 'false-rejection',
    summary: 'A sentence opening with a quote or bracket is read as starting with that character, not its first word.',
    example: {
      kwargs: {},
      response: Array.from({ length: 26 }, (_, i) => (i === 3 ? `"${String.fromCharCode(65 + i)} word."` : `${String.fromCharCode(65 + i)} word.`)).join(' '),
    },
    upstreamVerdict: false, link: 'https://github.com/allenai/IFBench/pull/34', hasCorrected: true,
  },
  {
    id: 'repeat:repeat_span', suite: 'ifbench', effect: 'false-rejection',
    summary: 'The prompts ask for a span of whitespace-split word indices; the checker slices characters.',
    example: { kwargs: { prompt_to_repeat: 'explain the context, code and theory behind the paper', n_start: 3, n_end: 6 }, response: 'code and theory behind' },
    upstreamVerdict: false, link: 'https://github.com/allenai/IFBench/pull/34', hasCorrected: true,
  },
];
