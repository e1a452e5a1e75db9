import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataPath } from '../../../data/paths';

const ProfileJson = z.object({
  name: z.string().min(1),
  freq: z.record(z.string(), z.number().int().nonnegative()),
  n_words: z.array(z.number().int().positive()).length(3),
});

/**
 * The 55 profiles as one sparse matrix: row r (an n-gram) holds P(gram | language) for the languages where the
 * gram occurs (CSR layout: `rowStart[r]..rowStart[r+1]` index `langIndex` and `prob`). N-grams are looked up by
 * integer keys over a small alphabet (see `gramRow`) so detection never builds a string.
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
  /** Radix of the n-gram keys: alphabet size + 1. */
  radix: number;
  /** Row of a unigram by alphabet id, or -1. */
  unigramRow: Int32Array;
  /** Bigram key `a * radix + b` -> index into `bigramRow` / trigram prefix. */
  pairIndex: Map<number, number>;
  /** Row of the bigram with that pair index, or -1 when the pair is only a trigram prefix. */
  bigramRow: Int32Array;
  /** Trigram key `pairIndex * radix + c` -> row. */
  trigramRow: Map<number, number>;
}

interface Profile {
  name: string;
  freq: Record<string, number>;
  nWords: readonly number[];
}

function readProfile(file: string): Profile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`langdetect: profile ${file} is not valid JSON (${(err as Error).message}); restore it from langdetect 1.0.9`);
  }
  const result = ProfileJson.safeParse(parsed);
  if (!result.success) {
    throw new Error(`langdetect: profile ${file} does not have {name, freq, n_words[3]}: ${result.error.message}`);
  }
  return { name: result.data.name, freq: result.data.freq, nWords: result.data.n_words };
}

/** Build the model from parsed profiles (exported for tests with tiny hand-made profiles). */
export function buildProfileModel(profiles: readonly Profile[]): ProfileModel {
  const sorted = [...profiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const langs = sorted.map((p) => p.name);
  if (new Set(langs).size !== langs.length) throw new Error(`langdetect: duplicate profile names in ${langs.join(',')}`);

  const alphabetId = new Uint16Array(0x10000);
  let alphabetSize = 0;
  const rows = new Map<string, Array<[number, number]>>();
  sorted.forEach((profile, lang) => {
    for (const [gram, count] of Object.entries(profile.freq)) {
      const length = gram.length;
      if (length < 1 || length > 3) continue;
      for (let i = 0; i < length; i++) {
        const unit = gram.charCodeAt(i);
        if (alphabetId[unit] === 0) alphabetId[unit] = ++alphabetSize;
      }
      let entries = rows.get(gram);
      if (!entries) rows.set(gram, (entries = []));
      entries.push([lang, count / profile.nWords[length - 1]!]);
    }
  });
  const radix = alphabetSize + 1;
  if (radix * radix * radix > Number.MAX_SAFE_INTEGER) throw new Error('langdetect: profile alphabet too large for integer keys');

  const grams = [...rows.keys()];
  const rowStart = new Int32Array(grams.length + 1);
  let nnz = 0;
  grams.forEach((g, r) => ((rowStart[r] = nnz), (nnz += rows.get(g)!.length)));
  rowStart[grams.length] = nnz;
  const langIndex = new Uint8Array(nnz);
  const prob = new Float64Array(nnz);
  const unigramRow = new Int32Array(radix).fill(-1);
  const pairIndex = new Map<number, number>();
  const bigramRows: number[] = [];
  const trigramRow = new Map<number, number>();
  const pairOf = (a: number, b: number): number => {
    const key = a * radix + b;
    let index = pairIndex.get(key);
    if (index === undefined) {
      index = bigramRows.length;
      pairIndex.set(key, index);
      bigramRows.push(-1);
    }
    return index;
  };
  grams.forEach((gram, r) => {
    let k = rowStart[r]!;
    for (const [lang, p] of rows.get(gram)!) ((langIndex[k] = lang), (prob[k] = p), k++);
    const ids = [...Array(gram.length).keys()].map((i) => alphabetId[gram.charCodeAt(i)]!);
    if (ids.length === 1) unigramRow[ids[0]!] = r;
    else if (ids.length === 2) bigramRows[pairOf(ids[0]!, ids[1]!)] = r;
    else trigramRow.set(pairOf(ids[0]!, ids[1]!) * radix + ids[2]!, r);
  });
  return { langs, grams, rowStart, langIndex, prob, alphabetId, radix, unigramRow, pairIndex, bigramRow: Int32Array.from(bigramRows), trigramRow };
}

let cached: ProfileModel | undefined;

/** The model over `dataPath('langdetect/profiles/*')`, loaded on first use and kept. */
export function profileModel(): ProfileModel {
  if (cached) return cached;
  const dir = dataPath('langdetect/profiles');
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (files.length < 2) throw new Error(`langdetect: need the 55 profiles in ${dir}, found ${files.length}`);
  cached = buildProfileModel(files.map((f) => readProfile(join(dir, f))));
  return cached;
}
