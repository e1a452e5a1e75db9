import { asciiFold } from '../nlp/nfkd';
import { sentTokenize } from '../nlp/nltk';
import { pyLstrip, pySplit, pyStrip } from '../nlp/pytext';
import { CUSTOM_PROMPT, fixedText } from './spec';
import { chars, deletePunct, firstChar, PY_DIGIT, PY_SPACE_CLASS, PY_WORD, pyDigitsToInt, stripPunct } from './text';

/** custom:* ids: whole prompts with one fixed answer shape (ifbench/instructions.py @db69a6f). No sampler: they are prompts. */

const NUMBER = new RegExp(`${PY_DIGIT}+`, 'gu');
const MULTIPLES_OF_7 = ['14', '21', '28', '35', '42', '49'];
export const multiples = fixedText(
  'custom:multiples',
  'Count from 10 to 50 but only print multiples of 7.',
  (r) => {
    const found = r.match(NUMBER) ?? [];
    return found.length === MULTIPLES_OF_7.length && found.every((n, i) => n === MULTIPLES_OF_7[i]);
  },
  CUSTOM_PROMPT,
);

const QUESTION_SPLIT = new RegExp(`\\n*(?:Question ${PY_DIGIT}+[.|):;]?[${PY_SPACE_CLASS}]*)`, 'u');
const OPTION_LINE = new RegExp(`^[A-Ea-e][.|)][${PY_SPACE_CLASS}]*${PY_WORD}+`, 'u');
export const mcqCountLength = fixedText(
  'custom:mcq_count_length',
  "Generate 4 multiple choice questions with 5 options each about '20th century art history'. Each question should start with the label \"Question\". The questions should get progressively longer. Do not provide an explanation.",
  (r) => {
    // value[value.find('Question'):] must be the whole text; when absent, find is -1 and a one-character text passes.
    const at = r.indexOf('Question');
    if (at !== 0 && !(at === -1 && chars(r).length === 1)) return false;
    let questions = r.split(QUESTION_SPLIT);
    if (questions[0] === '') questions = questions.slice(1);
    questions = questions.map((q) => pyStrip(q)).filter((q) => q !== '');
    if (questions.length !== 4) return false;
    const lengths: number[] = [];
    for (const q of questions) {
      let text = '';
      let nOptions = 0;
      let optionsStarted = false;
      for (const line of q.split('\n')) {
        if (OPTION_LINE.test(pyStrip(line))) {
          nOptions++;
          optionsStarted = true;
        } else if (!optionsStarted) text += ' ' + pyStrip(line);
      }
      if (nOptions !== 5) return false;
      lengths.push(chars(pyStrip(text)).length);
    }
    return lengths.every((n, i) => i === 0 || lengths[i - 1]! < n);
  },
  CUSTOM_PROMPT,
);

export const reverseNewline = fixedText(
  'custom:reverse_newline',
  'List the countries of Africa in reverse alphabetical order, each on a new line.',
  (r) => {
    const lines = r.split('\n').map(stripPunct).filter((l) => l !== '');
    const start = lines.findIndex((l) => l.includes('Zimbabwe'));
    if (start === -1) return false;
    const target = lines.slice(start).map(asciiFold);
    if (target.length < 52) return false;
    // Folded lines are ASCII, so JS comparison is Python's code-point order.
    return target.every((l, i) => i === 0 || target[i - 1]! >= l);
  },
  CUSTOM_PROMPT,
);

export const wordReverse = fixedText(
  'custom:word_reverse',
  'What animal is the national symbol of the US? Respond to this query, but make your sentence in reverse order of what it should be, per word.',
  (r) => {
    const reversed = pySplit(deletePunct(pyStrip(r.toLowerCase()))).reverse().join(' ');
    if (!reversed.includes('bald eagle')) return false;
    return sentTokenize(reversed).includes(reversed);
  },
  CUSTOM_PROMPT,
);

export const characterReverse = fixedText(
  'custom:character_reverse',
  'What animal is the national symbol of the US? Respond to this query, but make your sentence in reverse order of what it should be, per letter.',
  (r) => r.toLowerCase().includes('elgae dlab'),
  CUSTOM_PROMPT,
);

const LEADING_NON_ALNUM = /^[^\p{L}\p{N}]+/u;
function startsAlphabetically(sentences: readonly string[], firstWord: (sentence: string) => string | undefined): boolean {
  if (sentences.length !== 26) return false;
  return sentences.every((s, i) => {
    const w = firstWord(s);
    return w !== undefined && firstChar(w.toLowerCase()) === String.fromCharCode(97 + i);
  });
}
export const sentenceAlphabet = fixedText(
  'custom:sentence_alphabet',
  "Tell me a 26-sentence story where each sentence's first word starts with the letters of the alphabet in order.",
  (r) => startsAlphabetically(sentTokenize(r), (s) => pySplit(pyLstrip(s))[0]),
  {
    ...CUSTOM_PROMPT,
    // Corrected (allenai/IFBench#34): a sentence opening with a quote, bracket or dash starts with its first word.
    checkCorrected: (r) =>
      startsAlphabetically(sentTokenize(r), (s) => pySplit(s).map((w) => w.replace(LEADING_NON_ALNUM, '')).find((w) => w !== '')),
  },
);

const NORTHERN_CAPITALS = [
  'Reykjavik', 'Helsinki', 'Oslo', 'Tallinn', 'Stockholm', 'Riga', 'Moscow', 'Copenhagen', 'Vilnius', 'Minsk',
  'Dublin', 'Berlin', 'Amsterdam', 'Warsaw', 'London', 'Brussels', 'Prague', 'Luxembourg', 'Paris', 'Vienna',
  'Bratislava', 'Budapest', 'Vaduz', 'Chisinau', 'Bern', 'Ljubljana', 'Zagreb',
];
export const europeanCapitalsSort = fixedText(
  'custom:european_capitals_sort',
  'Give me the names of all capital cities of european countries whose latitude is higher than than 45 degrees? List the capital cities without country names, separated by commas, sorted by latitude, from highest to lowest.',
  (r) => {
    const capitals = asciiFold(r).split(',').filter((c) => pyStrip(c) !== '');
    return capitals.length === NORTHERN_CAPITALS.length && capitals.every((c, i) => pyStrip(c) === NORTHERN_CAPITALS[i]);
  },
  CUSTOM_PROMPT,
);

const ISO_DATE = new RegExp(`^${PY_DIGIT}{4}-${PY_DIGIT}{2}-${PY_DIGIT}{2}$`, 'u');
const DAYS_IN_MONTH: Record<number, number> = { 1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31 };
export const dateFormatList = fixedText(
  'custom:date_format_list',
  'List the start dates of all the battles Napoleon fought separated by commas, use the following date format: YYYY-MM-DD. Do not provide an explanation.',
  (r) =>
    pyStrip(r)
      .split(',')
      .every((raw) => {
        const date = pyStrip(raw);
        if (!ISO_DATE.test(date)) return false;
        const [y, m, d] = date.split('-').map(pyDigitsToInt) as [number, number, number];
        // Month 0 and day 0 pass, as upstream only checks upper bounds.
        return y >= 1769 && y <= 1821 && m <= 12 && d <= (DAYS_IN_MONTH[m] ?? Infinity);
      }),
  CUSTOM_PROMPT,
);
