import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceSpans, sentTokenize } from './nltk';
import { punktWords } from './punkt-annotate';
import { englishPunktParams, loadPunktParams } from './punkt-model';

// Expected values were produced by NLTK 3.8 (PunktSentenceTokenizer with the punkt_tab English model);
// the comment on each row names the rule it exercises.
const CASES: ReadonlyArray<[string, string, string[]]> = [
  ['known abbreviation, lowercase-never-seen next word', 'Mr. Smith went to Washington. He arrived on time.', ['Mr. Smith went to Washington.', 'He arrived on time.']],
  ['ellipsis followed by a capitalised sentence starter', 'Wait... What happened? I don\'t know!', ['Wait... What happened?', "I don't know!"]],
  ['initials before a capitalised name stay (special ortho heuristic)', 'J. S. Bach was a composer. He wrote fugues.', ['J. S. Bach was a composer.', 'He wrote fugues.']],
  ['number + period before a sentence starter breaks', 'The total was 5. Then it rose.', ['The total was 5.', 'Then it rose.']],
  ['year + period breaks', 'It happened in 1990. The year after was calm.', ['It happened in 1990.', 'The year after was calm.']],
  ['collocation (##number##, abreast) is not a break', 'They marched 4. abreast down the road.', ['They marched 4. abreast down the road.']],
  ['abbreviation + ortho heuristic says sentence starter', 'I work at Acme Inc. However, I travel a lot.', ['I work at Acme Inc.', 'However, I travel a lot.']],
  ['closing quote realigned onto the earlier sentence', '"Hello." She said it twice.', ['"Hello."', 'She said it twice.']],
  ['closing bracket realigned', '(Sent1.) Sent2.', ['(Sent1.)', 'Sent2.']],
  ['newlines are not boundaries', 'Line one\nLine two without a period', ['Line one\nLine two without a period']],
  ['runs of ? and !', 'Really?! Yes. No!!! Maybe?', ['Really?!', 'Yes.', 'No!!!', 'Maybe?']],
  ['CRLF: whitespace between sentences and trailing whitespace dropped', 'One.\r\nTwo.\r\n', ['One.', 'Two.']],
  ['NBSP is Python \\s', 'One.\u00a0Two.', ['One.', 'Two.']],
  // _get_last_whitespace_index only knows ASCII whitespace: after an em space the previous word reaches
  // back to the start, the candidate break after "One." overlaps it and is never tested.
  ['non-ASCII whitespace hides the previous break', 'One.\u2003Two. Three.\x85Four.', ['One.\u2003Two.', 'Three.', 'Four.']],
  ['empty text', '', []],
  ['blank text', '   ', []],
  ['trailing whitespace', 'Hi.   ', ['Hi.']],
  ['abbreviations e.g. and U.S.', 'See e.g. the U.S. Army. It is big.', ['See e.g.', 'the U.S. Army.', 'It is big.']],
  ['single quote realigned', "He said: 'Go home.' Then he left.", ["He said: 'Go home.'", 'Then he left.']],
  ['decimal and thousands numbers', 'Numbers like 3.14 and 1,000. are fine. Next.', ['Numbers like 3.14 and 1,000. are fine.', 'Next.']],
  ['p.m. before a capitalised word', 'The meeting is at 5 p.m. Tomorrow we rest.', ['The meeting is at 5 p.m.', 'Tomorrow we rest.']],
  ['initials in a row', 'A. B. C. D.', ['A.', 'B. C. D.']],
  ['no space after ?: no candidate', 'What?No space. Ok.', ['What?No space.', 'Ok.']],
  ['double quote after the period', 'The end." Next sentence.', ['The end."', 'Next sentence.']],
  ['ellipsis then lowercase', 'Word... word. Word.', ['Word... word.', 'Word.']],
  ['dotted token', 'x.y.z. Then.', ['x.y.z.', 'Then.']],
  ['double dash', 'Ends with -- dash. Next.', ['Ends with -- dash.', 'Next.']],
  ['astral characters', 'It was 😀 great. Really 👍🏽 good.', ['It was 😀 great.', 'Really 👍🏽 good.']],
];

describe('sentTokenize (Punkt, English)', () => {
  it.each(CASES)('%s', (_rule, text, sentences) => {
    expect(sentTokenize(text)).toEqual(sentences);
  });

  it('spans are UTF-16 offsets into the text', () => {
    expect(sentenceSpans('Mr. Smith went to Washington. He arrived on time.')).toEqual([[0, 29], [30, 49]]);
    expect(sentenceSpans('One.\r\nTwo.\r\n')).toEqual([[0, 4], [6, 10]]);
    // Python reports [0, 16], [17, 33] in code points; the emoji with its skin tone is 4 UTF-16 units.
    expect(sentenceSpans('It was 😀 great. Really 👍🏽 good.')).toEqual([[0, 16], [17, 34]]);
  });
});

describe('punktWords (PunktLanguageVars.word_tokenize per non-blank line)', () => {
  // Values from NLTK 3.8 PunktLanguageVars().word_tokenize.
  it('splits punctuation other than periods, keeps multi-char punctuation whole', () => {
    // "a.b. . . ." : the spaced ellipsis ". . . ." wins over the word's final period.
    expect(punktWords('Hello, world... (yes) "no" -- a.b. . . .')).toEqual(['Hello', ',', 'world', '...', '(', 'yes', ')', '"', 'no', '"', '--', 'a.b', '. . . .']);
  });
  it('commas split only at the end of a word', () => {
    expect(punktWords('1,000, a,b')).toEqual(['1,000', ',', 'a,b']);
  });
});

describe('Punkt model files', () => {
  it('loads the English punkt_tab model with the sizes docs/data-sources.md records', () => {
    const p = englishPunktParams();
    expect([p.abbrevTypes.size, p.collocations.size, p.sentStarters.size, p.orthoContext.size]).toEqual([156, 37, 39, 20366]);
    expect(p.abbrevTypes.has('u.s')).toBe(true);
    expect(p.collocations.has('##number##\tabreast')).toBe(true);
  });

  it('names the file, line and value of a damaged entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-punkt-'));
    try {
      for (const f of ['abbrev_types.txt', 'collocations.tab', 'sent_starters.txt']) writeFileSync(join(dir, f), '');
      writeFileSync(join(dir, 'ortho_context.tab'), 'the\t32\nbroken line\n');
      expect(() => loadPunktParams(dir)).toThrow(/ortho_context\.tab:2: expected 2 tab-separated fields, got "broken line"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
