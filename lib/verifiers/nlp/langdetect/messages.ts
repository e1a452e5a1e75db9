import { readFileSync } from 'node:fs';
import { dataPath } from '../../../data/paths';

/** The character tables of langdetect's `messages.properties`, decoded. */
export interface LangdetectMessages {
  /** Latin-1 characters that NGram turns into a space. */
  latin1Excluded: string;
  /** The `NGram.KANJI_*` classes in file order; each maps its characters to its first one. */
  kanjiClasses: string[];
  /** Vietnamese base letters that take a combining mark (TO_NORMALIZE_VI_CHARS). */
  viLetters: string;
  /** The five combining marks (DMARK_CLASS): grave, acute, tilde, hook above, dot below. */
  viMarks: string;
  /** Precomposed letters, one string per mark, indexed like `viLetters` (NORMALIZED_VI_CHARS_03xx). */
  viComposed: string[];
}

/** Parse the Java properties text the way langdetect does: `key=value` per line, `\uXXXX` escapes decoded. */
export function parseMessages(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 1);
    out.set(key, value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }
  return out;
}

function required(map: Map<string, string>, key: string, file: string): string {
  const value = map.get(key);
  if (value === undefined || value === '') {
    throw new Error(`langdetect: key "${key}" is missing from ${file}; restore the langdetect 1.0.9 messages.properties`);
  }
  return value;
}

let cached: LangdetectMessages | undefined;

/** The decoded tables, read from `dataPath('langdetect/messages.properties')` on first use. */
export function langdetectMessages(): LangdetectMessages {
  if (cached) return cached;
  const file = dataPath('langdetect/messages.properties');
  const map = parseMessages(readFileSync(file, 'utf8'));
  // Keys in file order: when a character sits in two classes, the later class wins, as in Python's dict update.
  const kanjiClasses = [...map.keys()].filter((k) => k.startsWith('NGram.KANJI_')).map((k) => map.get(k)!);
  if (kanjiClasses.length === 0) throw new Error(`langdetect: no NGram.KANJI_* classes in ${file}`);
  cached = {
    latin1Excluded: required(map, 'NGram.LATIN1_EXCLUDE', file),
    kanjiClasses,
    viLetters: required(map, 'TO_NORMALIZE_VI_CHARS', file),
    viMarks: required(map, 'DMARK_CLASS', file),
    viComposed: ['0300', '0301', '0303', '0309', '0323'].map((m) => required(map, `NORMALIZED_VI_CHARS_${m}`, file)),
  };
  return cached;
}
