import { langdetectMessages } from './messages';

const SPACE = 0x20;

/** The Unicode blocks NGram.normalize looks at, as langdetect 1.0.9's block table spells them. */
const enum Block {
  Other,
  BasicLatin,
  Latin1Supplement,
  LatinExtendedB,
  GeneralPunctuation,
  Arabic,
  LatinExtendedAdditional,
  Hiragana,
  Katakana,
  Bopomofo,
  CjkUnifiedIdeographs,
  HangulSyllables,
}

function blockOf(cp: number): Block {
  if (cp <= 0x7f) return Block.BasicLatin;
  if (cp <= 0xff) return Block.Latin1Supplement;
  if (cp >= 0x0180 && cp <= 0x024f) return Block.LatinExtendedB;
  if (cp >= 0x0600 && cp <= 0x06ff) return Block.Arabic;
  if (cp >= 0x1e00 && cp <= 0x1eff) return Block.LatinExtendedAdditional;
  if (cp >= 0x2000 && cp <= 0x206f) return Block.GeneralPunctuation;
  if (cp >= 0x3040 && cp <= 0x309f) return Block.Hiragana;
  if (cp >= 0x30a0 && cp <= 0x30ff) return Block.Katakana;
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return Block.Bopomofo;
  if (cp >= 0x4e00 && cp <= 0x9fff) return Block.CjkUnifiedIdeographs;
  if (cp >= 0xac00 && cp <= 0xd7af) return Block.HangulSyllables;
  return Block.Other;
}

/** Python `NGram.normalize` on one code point, computed from the rules (the table below caches it). */
export function normalizeCodePoint(cp: number, latin1Excluded: string, kanji: ReadonlyMap<number, number>): number {
  switch (blockOf(cp)) {
    case Block.BasicLatin:
      return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? cp : SPACE;
    case Block.Latin1Supplement:
      return latin1Excluded.includes(String.fromCharCode(cp)) ? SPACE : cp;
    case Block.LatinExtendedB: // Romanian: comma below becomes cedilla
      return cp === 0x0219 ? 0x015f : cp === 0x021b ? 0x0163 : cp;
    case Block.GeneralPunctuation:
      return SPACE;
    case Block.Arabic: // Farsi yeh becomes Arabic yeh
      return cp === 0x06cc ? 0x064a : cp;
    case Block.LatinExtendedAdditional:
      return cp >= 0x1ea0 ? 0x1ec3 : cp;
    case Block.Hiragana:
      return 0x3042;
    case Block.Katakana:
      return 0x30a2;
    case Block.Bopomofo:
      return 0x3105;
    case Block.CjkUnifiedIdeographs:
      return kanji.get(cp) ?? cp;
    case Block.HangulSyllables:
      return 0xac00;
    case Block.Other:
      return cp;
  }
}

/** Every kanji of a class maps to the class's first character; a later class overrides an earlier one. */
function kanjiMap(classes: readonly string[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const cls of classes) {
    const representative = cls.codePointAt(0)!;
    for (const ch of cls) map.set(ch.codePointAt(0)!, representative);
  }
  return map;
}

let bmpTable: Uint16Array | undefined;

/**
 * NGram.normalize for the whole BMP, built once by filling the blocks (normalizeCodePoint stays the reference; a
 * test checks the two agree on every code point). Code points above U+FFFF are never changed.
 */
export function normalizationTable(): Uint16Array {
  if (bmpTable) return bmpTable;
  const { latin1Excluded, kanjiClasses } = langdetectMessages();
  const table = new Uint16Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) table[cp] = cp;
  for (let cp = 0; cp < 0x80; cp++) if (!((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))) table[cp] = SPACE;
  for (const ch of latin1Excluded) if (ch.charCodeAt(0) >= 0x80 && ch.charCodeAt(0) <= 0xff) table[ch.charCodeAt(0)] = SPACE;
  table[0x0219] = 0x015f;
  table[0x021b] = 0x0163;
  table.fill(SPACE, 0x2000, 0x2070);
  table[0x06cc] = 0x064a;
  table.fill(0x1ec3, 0x1ea0, 0x1f00);
  table.fill(0x3042, 0x3040, 0x30a0);
  table.fill(0x30a2, 0x30a0, 0x3100);
  table.fill(0x3105, 0x3100, 0x3130);
  table.fill(0x3105, 0x31a0, 0x31c0);
  for (const [cp, representative] of kanjiMap(kanjiClasses)) if (cp >= 0x4e00 && cp <= 0x9fff) table[cp] = representative;
  table.fill(0xac00, 0xac00, 0xd7b0);
  bmpTable = table;
  return table;
}

let kanjiCache: Map<number, number> | undefined;

/** The kanji map of the loaded messages.properties (for normalizeCodePoint callers). */
export function kanjiRepresentatives(): ReadonlyMap<number, number> {
  kanjiCache ??= kanjiMap(langdetectMessages().kanjiClasses);
  return kanjiCache;
}

/** Python `NGram.normalize(ch)`. @example normalizeChar('ș') // 'ş' */
export function normalizeChar(ch: string): string {
  const cp = ch.codePointAt(0);
  if (cp === undefined || cp > 0xffff) return ch;
  return String.fromCharCode(normalizationTable()[cp]!);
}

let viRegex: RegExp | undefined;
let viComposedByPair: Map<string, string> | undefined;

/** Python `NGram.normalize_vi`: a Vietnamese base letter plus a combining mark becomes the precomposed letter. */
export function normalizeVi(text: string): string {
  if (!viRegex || !viComposedByPair) {
    const { viLetters, viMarks, viComposed } = langdetectMessages();
    viComposedByPair = new Map();
    // Python's str.find keeps the first occurrence, so the first pair written wins.
    for (let m = 0; m < viMarks.length; m++) {
      for (let a = 0; a < viLetters.length; a++) {
        const key = viLetters[a]! + viMarks[m]!;
        if (!viComposedByPair.has(key)) viComposedByPair.set(key, viComposed[m]![a]!);
      }
    }
    viRegex = new RegExp(`[${viLetters}][${viMarks}]`, 'g');
  }
  const pairs = viComposedByPair;
  return text.replace(viRegex, (pair) => pairs.get(pair)!);
}
