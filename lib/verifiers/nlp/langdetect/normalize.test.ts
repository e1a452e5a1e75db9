import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUpperCodePoint } from './features';
import { langdetectMessages, parseMessages } from './messages';
import { kanjiRepresentatives, normalizationTable, normalizeChar, normalizeCodePoint, normalizeVi } from './normalize';

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

describe('NGram.normalize', () => {
  it.each([
    ['ASCII letters stay', 'a', 'a'],
    ['ASCII digits become a space', '7', ' '],
    ['ASCII punctuation between Z and a becomes a space', '_', ' '],
    ['no-break space (LATIN1_EXCLUDE) becomes a space', '\u00a0', ' '],
    ['guillemet (LATIN1_EXCLUDE) becomes a space', '«', ' '],
    ['other Latin-1 letters stay', 'é', 'é'],
    ['Romanian s with comma below becomes s with cedilla', 'ș', 'ş'],
    ['Romanian t with comma below becomes t with cedilla', 'ț', 'ţ'],
    ['General Punctuation becomes a space', '\u2019', ' '],
    ['Farsi yeh becomes Arabic yeh', '\u06cc', '\u064a'],
    ['Latin Extended Additional from U+1EA0 becomes U+1EC3', 'Ạ', 'ể'],
    ['Latin Extended Additional below U+1EA0 stays', 'Ḁ', 'Ḁ'],
    ['hiragana becomes あ', 'ぱ', 'あ'],
    ['katakana becomes ア', 'ン', 'ア'],
    ['bopomofo becomes ㄅ', 'ㄆ', 'ㄅ'],
    ['Hangul syllables become 가', '한', '가'],
    ['a kanji maps to the first of its class (KANJI_1_0 = 佼椴)', '椴', '佼'],
    ['Cyrillic is untouched', 'Ж', 'Ж'],
    ['astral characters are untouched', '😀', '😀'],
  ])('%s', (_, input, expected) => {
    expect(normalizeChar(input)).toBe(expected);
  });

  it('the precomputed table agrees with the rules on every BMP code point', () => {
    const { latin1Excluded } = langdetectMessages();
    const table = normalizationTable();
    const kanji = kanjiRepresentatives();
    const differing = [];
    for (let cp = 0; cp < 0x10000; cp++) if (table[cp] !== normalizeCodePoint(cp, latin1Excluded, kanji)) differing.push(cp);
    expect(differing).toEqual([]);
  });

  it('matches Python langdetect 1.0.9 on the whole BMP (sha1 of the UTF-16LE table, computed with the oracle)', () => {
    const table = normalizationTable();
    expect(sha1(new Uint8Array(table.buffer, table.byteOffset, table.byteLength))).toBe('330a34792f694452ac6a329e845baee59c7b4b20');
  });
});

describe('isUpperCodePoint (Python 3.11 str.isupper on one character)', () => {
  it('matches Python 3.11 (Unicode 14) on every code point (sha1 of the 0/1 flags, surrogates skipped)', () => {
    const flags = new Uint8Array(0x110000 - 0x800);
    let i = 0;
    for (let cp = 0; cp < 0x110000; cp++) if (cp < 0xd800 || cp > 0xdfff) flags[i++] = isUpperCodePoint(cp) ? 1 : 0;
    expect(sha1(flags)).toBe('38054bc56c164a21c02bc119bea2d73231884a9d');
  });

  it.each([
    [0x41, true], [0x61, false], [0x416, true], [0x1c5, false], [0x1d400, true], [0xa7cb, false],
  ])('U+%s is upper: %s', (cp, expected) => {
    expect(isUpperCodePoint(cp)).toBe(expected);
  });
});

describe('NGram.normalize_vi', () => {
  it.each([
    ['a + grave', 'a\u0300', 'à'],
    ['E + hook above', 'E\u0309', 'Ẻ'],
    ['â + acute', 'â\u0301', 'ấ'],
    ['only the first mark composes', 'e\u0323\u0302', 'ẹ\u0302'],
    ['x takes no mark', 'x\u0301', 'x\u0301'],
    ['a mark outside DMARK_CLASS stays', 'a\u0302', 'a\u0302'],
  ])('%s', (_, input, expected) => {
    expect(normalizeVi(input)).toBe(expected);
  });

  it('matches Python on every (letter U+0041..U+01AF, mark) pair (sha1 computed with the oracle)', () => {
    let s = '';
    for (let a = 0x41; a < 0x1b0; a++) for (const m of [0x300, 0x301, 0x303, 0x309, 0x323]) s += normalizeVi(String.fromCharCode(a, m));
    expect(createHash('sha1').update(s, 'utf8').digest('hex')).toBe('f4ac8e83b0bfd6ac44ddaf7970e9969f38630078');
  });
});

describe('parseMessages', () => {
  it('splits at the first "=", strips the line and decodes \\uXXXX', () => {
    const map = parseMessages('A=\\u0041b=c\n  K=\\u4F7C\\u6934  \nEMPTY=\n');
    expect(map.get('A')).toBe('Ab=c');
    expect(map.get('K')).toBe('佼椴');
    expect(map.get('EMPTY')).toBe('');
  });
});
