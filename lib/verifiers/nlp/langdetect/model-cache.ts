import { join } from 'node:path';
import { cachedBinary } from '../../../data/binary-cache';
import { packArrays, unpackArrays, type TypedArray } from '../../../data/typed-arrays-file';
import { createIntMap, type IntMap } from './int-map';
import type { ProfileModel } from './profiles';

/**
 * The profile model as one binary file (lib/data/typed-arrays-file.ts): building the model from the 55 JSON profiles
 * costs ~0.25 s of CPU at every process start (`ifkit eval` included); loading this file costs a few milliseconds.
 */
const FORMAT = 'ifkit-langdetect-model/1';

const ARRAYS = ['rowStart', 'langIndex', 'prob', 'alphabetId', 'unigramRow', 'bigramRow', 'pairKeys', 'pairValues', 'triKeys', 'triValues', 'gramText', 'gramLength'] as const;
type ArrayName = (typeof ARRAYS)[number];

/** The map's table, rebuilt at capacity = size (a built model's maps have room for every profile entry). */
function compactTable(map: IntMap): [Int32Array, Int32Array] {
  const compact = createIntMap(map.size);
  map.forEach((k, v) => compact.getOrInsert(k, () => v));
  return [compact.table.keys, compact.table.values];
}

/** The model as bytes for `deserializeModel`; `key` identifies the profiles it was built from. */
export function serializeModel(model: ProfileModel, key: string): Buffer {
  const gramText = new Uint16Array(model.grams.reduce((n, g) => n + g.length, 0));
  const gramLength = new Uint8Array(model.grams.length);
  let at = 0;
  model.grams.forEach((g, r) => {
    gramLength[r] = g.length;
    for (let i = 0; i < g.length; i++) gramText[at++] = g.charCodeAt(i);
  });
  const [pairKeys, pairValues] = compactTable(model.pairIndex);
  const [triKeys, triValues] = compactTable(model.trigramRow);
  const named: Record<ArrayName, TypedArray> = {
    rowStart: model.rowStart, langIndex: model.langIndex, prob: model.prob, alphabetId: model.alphabetId,
    unigramRow: model.unigramRow, bigramRow: model.bigramRow, pairKeys, pairValues, triKeys, triValues, gramText, gramLength,
  };
  const sizes = { pairs: model.pairIndex.size, trigrams: model.trigramRow.size };
  return packArrays({ format: FORMAT, key, langs: [...model.langs], radix: model.radix, sizes }, named);
}

/** The model stored by `serializeModel`, or null when the bytes are not one (wrong format, key or length). */
export function deserializeModel(bytes: Buffer, key: string): ProfileModel | null {
  const unpacked = unpackArrays(bytes);
  if (unpacked === null || unpacked.header.format !== FORMAT || unpacked.header.key !== key) return null;
  const header = unpacked.header as { langs: string[]; radix: number; sizes: { pairs: number; trigrams: number } };
  if (!ARRAYS.every((name) => unpacked.arrays.has(name))) return null;
  const got = Object.fromEntries(unpacked.arrays) as Record<ArrayName, TypedArray>;
  const { gramText, gramLength } = got as { gramText: Uint16Array; gramLength: Uint8Array };
  let grams: string[] | undefined;
  return {
    langs: header.langs,
    // Only tests and diagnostics read the n-gram strings; detection works on rows.
    get grams(): readonly string[] {
      if (grams) return grams;
      let pos = 0;
      grams = Array.from(gramLength, (n) => String.fromCharCode(...gramText.subarray(pos, (pos += n))));
      return grams;
    },
    rowStart: got.rowStart as Int32Array,
    langIndex: got.langIndex as Uint8Array,
    prob: got.prob as Float64Array,
    alphabetId: got.alphabetId as Uint16Array,
    radix: header.radix,
    unigramRow: got.unigramRow as Int32Array,
    pairIndex: createIntMap(header.sizes.pairs, { keys: got.pairKeys as Int32Array, values: got.pairValues as Int32Array }),
    bigramRow: got.bigramRow as Int32Array,
    trigramRow: createIntMap(header.sizes.trigrams, { keys: got.triKeys as Int32Array, values: got.triValues as Int32Array }),
  };
}

/**
 * The model from `cacheDir/langdetect-<key>.bin`, or `build()` written there for the next process (an unreadable or
 * unwritable cache falls back to building).
 */
export function cachedModel(cacheDir: string, key: string, build: () => ProfileModel): ProfileModel {
  const codec = { read: (bytes: Buffer) => deserializeModel(bytes, key), write: (m: ProfileModel) => serializeModel(m, key) };
  return cachedBinary(join(cacheDir, `langdetect-${key.slice(0, 16)}.bin`), codec, build);
}
