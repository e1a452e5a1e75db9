/**
 * The distinct character trigrams of a text (nltk.ngrams over a str walks its code points), for ratio:overlap. Three
 * BMP code points go into an open-addressing table of int32 pairs (first two units, third unit), so no trigram
 * allocates: a JS Set keyed by a 48-bit number boxes every key, and loose mode builds up to 8 such sets per
 * response of a few thousand characters. Trigrams with an astral code point (rare) are kept as strings.
 */
export interface TrigramSet {
  /** Number of distinct trigrams. */
  readonly size: number;
  /** How many of this set's trigrams `other` holds too. */
  sharedWith(other: TrigramSet): number;
}

const EMPTY = -1;

class Table implements TrigramSet {
  readonly ab: Int32Array;
  readonly c: Int32Array;
  readonly mask: number;
  readonly astral = new Set<string>();
  bmpSize = 0;

  constructor(maxKeys: number) {
    let slots = 16;
    while (slots < 2 * maxKeys) slots *= 2;
    this.ab = new Int32Array(slots);
    this.c = new Int32Array(slots).fill(EMPTY);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.bmpSize + this.astral.size;
  }

  /** The slot holding (ab, c), or the empty slot where it would go. */
  slot(ab: number, c: number): number {
    let s = (Math.imul(ab, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b)) & this.mask;
    while (this.c[s] !== EMPTY && (this.c[s] !== c || this.ab[s] !== ab)) s = (s + 1) & this.mask;
    return s;
  }

  add(ab: number, c: number): void {
    const s = this.slot(ab, c);
    if (this.c[s] !== EMPTY) return;
    this.ab[s] = ab;
    this.c[s] = c;
    this.bmpSize++;
  }

  has(ab: number, c: number): boolean {
    return this.c[this.slot(ab, c)] !== EMPTY;
  }

  sharedWith(other: TrigramSet): number {
    // The intersection is symmetric: walk the smaller table (the reference text is usually the short one).
    const [small, large] = this.mask <= (other as Table).mask ? [this, other as Table] : [other as Table, this];
    let shared = 0;
    for (let s = 0; s <= small.mask; s++) if (small.c[s] !== EMPTY && large.has(small.ab[s]!, small.c[s]!)) shared++;
    for (const t of small.astral) if (large.astral.has(t)) shared++;
    return shared;
  }
}

/**
 * The set of `s`'s character trigrams.
 * @example trigramSet('aaaa').size // 1; trigramSet('abcd').sharedWith(trigramSet('bcde')) // 1
 */
export function trigramSet(s: string): TrigramSet {
  const table = new Table(Math.max(0, s.length - 2));
  let a = -1;
  let b = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    if (a >= 0) {
      if (a <= 0xffff && b <= 0xffff && c <= 0xffff) table.add((a << 16) | b, c);
      else table.astral.add(String.fromCodePoint(a, b, c));
    }
    a = b;
    b = c;
  }
  return table;
}
