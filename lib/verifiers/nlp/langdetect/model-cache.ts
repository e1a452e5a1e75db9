import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntMap, type IntMap } from './int-map';
import type { ProfileModel } from './profiles';

/**
 * The profile model as one binary file: a JSON header, then the typed arrays, each 8-byte aligned so they load as
 * views with no copy and no parse. Building the model from the 55 JSON profiles costs ~0.25 s of CPU at every
 * process start (`ifkit eval` included); loading this file costs a few milliseconds.
 */
const FORMAT = 'ifkit-langdetect-model/1';

type ArrayName = 'rowStart' | 'langIndex' | 'prob' | 'alphabetId' | 'unigramRow' | 'bigramRow' | 'pairKeys' | 'pairValues' | 'triKeys' | 'triValues' | 'gramText' | 'gramLength';
type Typed = Int32Array | Uint8Array | Uint16Array | Float64Array;
const KINDS = { Int32Array, Uint8Array, Uint16Array, Float64Array } as const;
type Kind = keyof typeof KINDS;

interface Header {
  format: string;
  key: string;
  langs: string[];
  radix: number;
  sizes: { pairs: number; trigrams: number };
  arrays: Array<[ArrayName, Kind, number]>; // name, element type, element count; laid out in this order
}

/** sha256 over the profile files' names and bytes: the cache key, so an edited profile is never served stale. */
export function profilesKey(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  return hash.digest('hex');
}

/** The map's table, rebuilt at capacity = size (a built model's maps have room for every profile entry). */
function compactTable(map: IntMap): [Int32Array, Int32Array] {
  const compact = createIntMap(map.size);
  map.forEach((k, v) => compact.getOrInsert(k, () => v));
  return [compact.table.keys, compact.table.values];
}

function mapFrom(keys: Int32Array, values: Int32Array, size: number): IntMap {
  return createIntMap(size, { keys, values });
}

const pad8 = (n: number): number => (n + 7) & ~7;

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
  const named: Record<ArrayName, Typed> = {
    rowStart: model.rowStart, langIndex: model.langIndex, prob: model.prob, alphabetId: model.alphabetId,
    unigramRow: model.unigramRow, bigramRow: model.bigramRow, pairKeys, pairValues, triKeys, triValues, gramText, gramLength,
  };
  const arrays = (Object.keys(named) as ArrayName[]).map((name): [ArrayName, Kind, number] => [name, named[name].constructor.name as Kind, named[name].length]);
  const header: Header = { format: FORMAT, key, langs: [...model.langs], radix: model.radix, sizes: { pairs: model.pairIndex.size, trigrams: model.trigramRow.size }, arrays };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.alloc(4), head, Buffer.alloc(pad8(4 + head.length) - 4 - head.length)];
  parts[0]!.writeUInt32LE(head.length, 0);
  for (const [name] of arrays) {
    const a = named[name];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad8(a.byteLength) - a.byteLength));
  }
  return Buffer.concat(parts);
}

/** The model stored by `serializeModel`, or null when the bytes are not one (wrong format, key or length). */
export function deserializeModel(bytes: Buffer, key: string): ProfileModel | null {
  if (bytes.length < 4) return null;
  const headLength = bytes.readUInt32LE(0);
  if (4 + headLength > bytes.length) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as Header;
  } catch {
    return null;
  }
  if (header.format !== FORMAT || header.key !== key) return null;
  // Views need an 8-byte aligned base; a Buffer from the shared pool may not have one.
  const base = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const got = {} as Record<ArrayName, Typed>;
  let at = pad8(4 + headLength);
  for (const [name, kind, length] of header.arrays) {
    const Ctor = KINDS[kind];
    if (Ctor === undefined || at + length * Ctor.BYTES_PER_ELEMENT > base.length) return null;
    got[name] = new Ctor(base.buffer as ArrayBuffer, base.byteOffset + at, length);
    at += pad8(length * Ctor.BYTES_PER_ELEMENT);
  }
  if (at !== base.length) return null;
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
    pairIndex: mapFrom(got.pairKeys as Int32Array, got.pairValues as Int32Array, header.sizes.pairs),
    bigramRow: got.bigramRow as Int32Array,
    trigramRow: mapFrom(got.triKeys as Int32Array, got.triValues as Int32Array, header.sizes.trigrams),
  };
}

/**
 * The model from `cacheDir/langdetect-<key>.bin`, or `build()` written there for the next process. The cache is
 * only a speed-up: an unreadable or unwritable cache falls back to building, without failing the caller.
 */
export function cachedModel(cacheDir: string, key: string, build: () => ProfileModel): ProfileModel {
  const file = join(cacheDir, `langdetect-${key.slice(0, 16)}.bin`);
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  const hit = bytes === undefined ? null : deserializeModel(bytes, key);
  if (hit) return hit;
  const model = build();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`; // rename is atomic: a concurrent reader never sees half a file
    writeFileSync(partial, serializeModel(model, key));
    renameSync(partial, file);
  } catch {
    // A read-only checkout still works, at the cost of building at every start.
  }
  return model;
}
