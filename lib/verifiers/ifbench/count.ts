import { z } from 'zod';
import { sampleKeywords } from '../word-pool';
import { wordTokenize } from '../nlp/nltk';
import { countWords, pySplit, pyStrip } from '../nlp/pytext';
import { countSchema, noKwargs, positiveSchema } from '../kwargs';
import { ifbench } from './spec';
import { chars, deletePunct, PY_DIGIT, pyContainsBounded, pyIsDigit, stripPunct } from './text';

/** count:* ids (ifbench/instructions.py @db69a6f); only count:pronouns needs NLTK's word_tokenize. */

const wordRange = z.object({ min_words: countSchema, max_words: countSchema });
export const wordCountRange = ifbench<z.infer<typeof wordRange>>({
  id: 'count:word_count_range',
  kwargs: wordRange,
  describe: (k) => `The response must contain between ${k.min_words} and ${k.max_words} words.`,
  sampleKwargs: (rng) => {
    const min = rng.int(100, 500);
    return { min_words: min, max_words: min + rng.int(Math.trunc(min * 0.05), Math.trunc(min * 0.1)) };
  },
  check: (r, k) => {
    const n = countWords(r);
    return k.min_words <= n && n <= k.max_words;
  },
});

const bigN = z.object({ N: countSchema });
export const uniqueWordCount = ifbench<z.infer<typeof bigN>>({
  id: 'count:unique_word_count',
  kwargs: bigN,
  describe: (k) => `Use at least ${k.N} unique words in the response.`,
  sampleKwargs: (rng) => ({ N: rng.int(100, 500) }),
  // Stripped tokens go in the set as they are, so a token of pure punctuation adds ''.
  check: (r, k) => new Set(pySplit(r.toLowerCase()).map(stripPunct)).size >= k.N,
});

const CONJUNCTIONS = new Set(['and', 'but', 'for', 'nor', 'or', 'so', 'yet']);
const smallN = z.object({ small_n: countSchema });
export const conjunctions = ifbench<z.infer<typeof smallN>>({
  id: 'count:conjunctions',
  kwargs: smallN,
  describe: (k) => `Use at least ${k.small_n} different coordinating conjunctions in the response.`,
  sampleKwargs: (rng) => ({ small_n: rng.int(2, 6) }),
  // Upstream counts distinct tokens as written ("And", "and," and "and" are three), not distinct conjunctions.
  check: (r, k) => new Set(pySplit(r).filter((w) => CONJUNCTIONS.has(stripPunct(w).toLowerCase()))).size >= k.small_n,
});

const PERSON_NAMES = [
  'Emma', 'Liam', 'Sophia', 'Jackson', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Isabella', 'Mason', 'Mia', 'Ethan',
  'Charlotte', 'Alexander', 'Amelia', 'Benjamin', 'Harper', 'Leo', 'Zoe', 'Daniel', 'Chloe', 'Samuel', 'Lily',
  'Matthew', 'Grace', 'Owen', 'Abigail', 'Gabriel', 'Ella', 'Jacob', 'Scarlett', 'Nathan', 'Victoria', 'Elijah',
  'Layla', 'Nicholas', 'Audrey', 'David', 'Hannah', 'Christopher', 'Penelope', 'Thomas', 'Nora', 'Andrew', 'Aria',
  'Joseph', 'Claire', 'Ryan', 'Stella', 'Jonathan',
];
export const personNames = ifbench<z.infer<typeof bigN>>({
  id: 'count:person_names',
  kwargs: bigN,
  describe: (k) =>
    `Mention at least ${k.N} different person names in the response, from this list of person names: ${PERSON_NAMES.join(', ')} .`,
  sampleKwargs: (rng) => ({ N: rng.int(1, 50) }),
  check: (r, k) => PERSON_NAMES.filter((name) => pyContainsBounded(r, name)).length >= k.N,
});

const DIGIT_RUN = new RegExp(`${PY_DIGIT}+`, 'gu');
export const numbers = ifbench<z.infer<typeof bigN>>({
  id: 'count:numbers',
  kwargs: bigN,
  describe: (k) => `Include exactly ${k.N} numbers in the response.`,
  sampleKwargs: (rng) => ({ N: rng.int(1, 6) }),
  // Punctuation is deleted first, so "3.14" and "1,000" are one number each, and "-5" is 5.
  check: (r, k) => (deletePunct(r).match(DIGIT_RUN) ?? []).length === k.N,
});

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const japaneseN = z.object({ N: positiveSchema });
function ordinalPattern(n: number): string {
  // Upstream's suffix logic: last digit only (so "11st"), and no "word" in the st/nd/rd texts.
  if (n % 10 === 1) return `Every ${n}st of your response must be in Japanese.`;
  if (n % 10 === 2) return `Every ${n}nd of your response must be in Japanese.`;
  if (n % 10 === 3) return `Every ${n}rd of your response must be in Japanese.`;
  return `Every ${n}th word of your response must be in Japanese.`;
}
export const wordsJapanese = ifbench<z.infer<typeof japaneseN>>({
  id: 'count:words_japanese',
  kwargs: japaneseN,
  describe: (k) => ordinalPattern(k.N),
  sampleKwargs: (rng) => ({ N: rng.int(1, 30) }),
  check: (r, k) =>
    pySplit(r).every((raw, i) => {
      const w = stripPunct(raw);
      return (i + 1) % k.N !== 0 || w === '' || pyIsDigit(w) || JAPANESE.test(w);
    }),
});

const INTERROBANG = '\u203d';
const REQUIRED_MARKS = ['.', ',', '!', '?', ';', ':'];
export const punctuation = ifbench({
  id: 'count:punctuation',
  kwargs: noKwargs,
  describe: () => 'Use every standard punctuation mark at least once, including semicolons, colons, and the interrobang (?!).',
  sampleKwargs: () => ({}),
  check: (r) => {
    if (!(r.includes('!?') || r.includes('?!') || r.includes(INTERROBANG))) return false;
    // One interrobang is taken out first, so its ! and ? do not count for the single marks.
    let rest = r.replace('?!', '');
    if (rest.length === r.length) rest = r.replace('!?', '');
    const seen = new Set(chars(rest));
    return REQUIRED_MARKS.every((m) => seen.has(m));
  },
});

const fiveKeywords = z.object({
  keyword1: z.string(),
  keyword2: z.string(),
  keyword3: z.string(),
  keyword4: z.string(),
  keyword5: z.string(),
});
type FiveKeywords = z.infer<typeof fiveKeywords>;
const KEYWORD_COUNTS = [1, 2, 3, 5, 7] as const;

/** Python `s.count(sub)`: non-overlapping occurrences; an empty `sub` occurs len(s) + 1 times. */
function pyCount(s: string, sub: string): number {
  return sub === '' ? chars(s).length + 1 : s.split(sub).length - 1;
}
function keywordList(k: FiveKeywords): string[] {
  return [k.keyword1, k.keyword2, k.keyword3, k.keyword4, k.keyword5].map((w) => pyStrip(w));
}
export const keywordsMultiple = ifbench<FiveKeywords>({
  id: 'count:keywords_multiple',
  kwargs: fiveKeywords,
  describe: (k) => {
    const [a, b, c, d, e] = keywordList(k);
    return `Include keyword ${a} once in your response, keyword ${b} twice in your response, keyword ${c} three times in your response, keyword ${d} five times in your response, and keyword ${e} seven times in your response.`;
  },
  sampleKwargs: (rng) => {
    const [keyword1, keyword2, keyword3, keyword4, keyword5] = sampleKeywords(rng, 5) as [string, string, string, string, string];
    return { keyword1, keyword2, keyword3, keyword4, keyword5 };
  },
  // Substring counts, case-insensitive: "art" is counted inside "start".
  check: (r, k) => keywordList(k).every((w, i) => pyCount(r.toLowerCase(), w.toLowerCase()) === KEYWORD_COUNTS[i]),
});

const PRONOUNS = new Set([
  'i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them',
  'my', 'mine', 'our', 'ours', 'your', 'yours', 'his', 'hers', 'its', 'their', 'theirs',
  'myself', 'ourselves', 'yourself', 'yourselves', 'himself', 'herself', 'itself', 'themselves',
  'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what',
  'whoever', 'whomever', 'whatever', 'whichever',
  'anybody', 'anyone', 'anything', 'everybody', 'everyone', 'everything',
  'nobody', 'nothing', 'somebody', 'someone', 'something',
  'each', 'either', 'neither', 'both', 'all', 'some', 'any', 'none',
]);
export const pronouns = ifbench<z.infer<typeof bigN>>({
  id: 'count:pronouns',
  kwargs: bigN,
  describe: (k) => `The response should include at least ${k.N} pronouns.`,
  sampleKwargs: (rng) => ({ N: rng.int(1, 25) }),
  // '/' becomes a space so "she/her" counts twice; tokens are word_tokenize's on the lowercased text.
  check: (r, k) => wordTokenize(r.replaceAll('/', ' ').toLowerCase()).filter((t) => PRONOUNS.has(t)).length >= k.N,
});
