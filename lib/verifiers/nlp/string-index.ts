/**
 * A read-only hash index from strings to their position in a list, held in three typed arrays so that it can be
 * stored in a binary file and loaded as views (a JS Map of the tagger's 75k feature keys costs ~0.1 s to build at
 * every start). Open addressing with linear probing; a lookup hashes its key as the concatenation of up to four
 * parts, so callers never build the key string.
 */
export interface StringIndex {
  /** The keys' UTF-16 code units, back to back, in list order. */
  readonly text: Uint16Array;
  /** Key i is `text[start[i]]` up to `text[start[i + 1]]`. */
  readonly start: Int32Array;
  /** Hash slots, a power of two in number: key index + 1, or 0 when empty. */
  readonly slots: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashPart(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Where `s` ends in `text` if it is spelled there from `at`, else -1. */
function matchPart(text: Uint16Array, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) if (text[at + i] !== s.charCodeAt(i)) return -1;
  return at + s.length;
}

/**
 * An index of `keys` (distinct strings): `findKey(index, keys[i])` is i.
 * @example findKey(buildStringIndex(['bias', 'i word the']), 'i word ', 'the') // 1
 */
export function buildStringIndex(keys: readonly string[]): StringIndex {
  const start = new Int32Array(keys.length + 1);
  keys.forEach((k, i) => (start[i + 1] = start[i]! + k.length));
  const text = new Uint16Array(start[keys.length]!);
  keys.forEach((k, i) => {
    for (let j = 0; j < k.length; j++) text[start[i]! + j] = k.charCodeAt(j);
  });
  let size = 16;
  while (size < 2 * keys.length) size *= 2;
  const slots = new Int32Array(size);
  const index = { text, start, slots };
  keys.forEach((k, i) => {
    if (findKey(index, k) >= 0) throw new Error(`buildStringIndex: key ${JSON.stringify(k)} is listed twice`);
    let s = hashPart(FNV_OFFSET, k) & (size - 1);
    while (slots[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = i + 1;
  });
  return index;
}

/** The position of the key `a + b + c + d` in the indexed list, or -1 when it is not there. */
export function findKey(index: StringIndex, a: string, b = '', c = '', d = ''): number {
  const { text, start, slots } = index;
  const mask = slots.length - 1;
  const length = a.length + b.length + c.length + d.length;
  let s = hashPart(hashPart(hashPart(hashPart(FNV_OFFSET, a), b), c), d) & mask;
  for (let entry = slots[s]!; entry !== 0; entry = slots[(s = (s + 1) & mask)]!) {
    const i = entry - 1;
    let at = start[i]!;
    if (start[i + 1]! - at !== length) continue;
    if ((at = matchPart(text, at, a)) < 0 || (at = matchPart(text, at, b)) < 0 || (at = matchPart(text, at, c)) < 0) continue;
    if (matchPart(text, at, d) >= 0) return i;
  }
  return -1;
}
