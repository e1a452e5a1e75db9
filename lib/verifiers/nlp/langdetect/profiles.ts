import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesKey } from '../../../data/binary-cache';
import { dataPath, projectRoot } from '../../../data/paths';
import { createIntMap, type IntMap } from './int-map';
import { cachedModel } from './model-cache';
import { parseProfile, type ProfileSource } from './profile-json';

/**
 * The 55 profiles as one sparse matrix: row r (an n-gram) holds P(gram | language) for the languages where the
 * gram occurs (CSR layout: `rowStart[r]..rowStart[r+1]` index `langIndex` and `prob`). N-grams are looked up by
 * integer keys over a small alphabet (see `gramRowAt` in features.ts), so detection never builds a string.
 */
export interface ProfileModel {
  /** Language codes, sorted (Python uses os.listdir order, which is arbitrary; only ties could notice). */
  langs: readonly string[];
  /** The n-gram of each row. */
  grams: readonly string[];
  rowStart: Int32Array;
  langIndex: Uint8Array;
  prob: Float64Array;
  /** BMP code unit -> alphabet id (1..alphabetSize), 0 when no profile uses the character. */
  alphabetId: Uint16Array;
  /** Radix of the n-gram keys (above the largest alphabet id). */
  radix: number;
  /** Row of a unigram by alphabet id, or -1. */
  unigramRow: Int32Array;
  /** Bigram key `a * radix + b` -> index into `bigramRow` / trigram prefix (-1 when absent). */
  pairIndex: IntMap;
  /** Row of the bigram with that pair index, or -1 when the pair is only a trigram prefix. */
  bigramRow: Int32Array;
  /** Trigram key `pairIndex * radix + c` -> row (-1 when absent). */
  trigramRow: IntMap;
}

/** Alphabet ids are below this radix, which keeps every n-gram key a small integer (V8 Smi). */
const RADIX = 4096;

/** Build the model from parsed profiles (exported for tests with tiny hand-made profiles). */
export function buildProfileModel(profiles: readonly ProfileSource[]): ProfileModel {
  const sorted = [...profiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const langs = sorted.map((p) => p.name);
  if (new Set(langs).size !== langs.length) throw new Error(`langdetect: duplicate profile names in ${langs.join(',')}`);

  const alphabetId = new Uint16Array(0x10000);
  let alphabetSize = 0;
  const idOf = (unit: number): number => {
    if (alphabetId[unit] === 0) {
      if (alphabetSize === RADIX - 1) throw new Error(`langdetect: profiles use more than ${RADIX - 1} characters; raise RADIX`);
      alphabetId[unit] = ++alphabetSize;
    }
    return alphabetId[unit]!;
  };
  let total = 0;
  for (const p of profiles) p.forEachGram(() => total++);
  const grams: string[] = [];
  const unigramRow = new Int32Array(RADIX).fill(-1);
  const pairIndex = createIntMap(total);
  const bigramRows: number[] = [];
  const trigramRow = createIntMap(total);
  const newPair = (): number => bigramRows.push(-1) - 1;
  // The row of source[start..start+length), created on first sight; strings are made only for new rows.
  let gramSource = '';
  let gramStart = 0;
  let gramEnd = 0;
  const newRow = (): number => grams.push(gramSource.slice(gramStart, gramEnd)) - 1;
  const rowOf = (source: string, start: number, length: number): number => {
    ((gramSource = source), (gramStart = start), (gramEnd = start + length));
    const a = idOf(source.charCodeAt(start));
    if (length === 1) {
      if (unigramRow[a]! < 0) unigramRow[a] = newRow();
      return unigramRow[a]!;
    }
    const pair = pairIndex.getOrInsert(a * RADIX + idOf(source.charCodeAt(start + 1)), newPair);
    if (length === 2) {
      if (bigramRows[pair]! < 0) bigramRows[pair] = newRow();
      return bigramRows[pair]!;
    }
    return trigramRow.getOrInsert(pair * RADIX + idOf(source.charCodeAt(start + 2)), newRow);
  };

  const entryRow = new Int32Array(total);
  const entryLang = new Uint8Array(total);
  const entryProb = new Float64Array(total);
  let entries = 0;
  sorted.forEach((profile, lang) => {
    profile.forEachGram((source, start, end, count) => {
      const length = end - start;
      if (length < 1 || length > 3) return; // Python keeps no probability for these either
      entryRow[entries] = rowOf(source, start, length);
      entryLang[entries] = lang;
      entryProb[entries++] = count / profile.nWords[length - 1]!;
    });
  });
  // Counting sort of the entries by row into CSR; languages stay in ascending order within a row.
  const rowStart = new Int32Array(grams.length + 1);
  for (let e = 0; e < entries; e++) rowStart[entryRow[e]! + 1]!++;
  for (let r = 0; r < grams.length; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, grams.length);
  const langIndex = new Uint8Array(entries);
  const prob = new Float64Array(entries);
  for (let e = 0; e < entries; e++) {
    const k = fill[entryRow[e]!]!++;
    langIndex[k] = entryLang[e]!;
    prob[k] = entryProb[e]!;
  }
  return {
    langs, grams, rowStart, langIndex, prob, alphabetId, radix: RADIX, unigramRow, pairIndex,
    bigramRow: Int32Array.from(bigramRows), trigramRow,
  };
}

let cached: ProfileModel | undefined;

/**
 * The model over `dataPath('langdetect/profiles/*')`, loaded on first use and kept. Built once per profile set and
 * stored under `<project>/.cache/` (keyed by the profiles' names, sizes and times; see filesKey), so later processes
 * load it without parsing.
 */
export function profileModel(): ProfileModel {
  if (cached) return cached;
  const dir = dataPath('langdetect/profiles');
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (files.length < 2) throw new Error(`langdetect: need the 55 profiles in ${dir}, found ${files.length}`);
  const build = (): ProfileModel => buildProfileModel(files.map((f) => parseProfile(readFileSync(join(dir, f), 'utf8'), join(dir, f))));
  cached = cachedModel(join(projectRoot(), '.cache'), filesKey(dir, files), build);
  return cached;
}
