/**
 * A fixed-capacity hash map from non-negative 31-bit integers to non-negative integers, open addressing with
 * linear probing over typed arrays. Loading the profiles does ~400k inserts and detection a lookup per draw;
 * a JS Map took most of the load time.
 */
export interface IntMap {
  /** The value of `key`, or -1. */
  get(key: number): number;
  /** The value of `key`, inserting `make()` first when absent. */
  getOrInsert(key: number, make: () => number): number;
  readonly size: number;
}

/** A map with room for `capacity` keys (the table is sized for a load factor of at most 1/2). */
export function createIntMap(capacity: number): IntMap {
  let bits = 4;
  while (1 << bits < 2 * capacity) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const keys = new Int32Array(1 << bits).fill(-1);
  const values = new Int32Array(1 << bits);
  let size = 0;
  const slotOf = (key: number): number => {
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  };
  return {
    get(key) {
      const slot = slotOf(key);
      return keys[slot] === key ? values[slot]! : -1;
    },
    getOrInsert(key, make) {
      const slot = slotOf(key);
      if (keys[slot] === key) return values[slot]!;
      if (size >= capacity) throw new Error(`langdetect: IntMap is full at ${capacity} keys; size it larger`);
      const value = make();
      keys[slot] = key;
      values[slot] = value;
      size++;
      return value;
    },
    get size() {
      return size;
    },
  };
}
