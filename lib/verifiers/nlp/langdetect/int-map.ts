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
  /** Calls `visit` for every entry, in table order. */
  forEach(visit: (key: number, value: number) => void): void;
  /** The hash table itself (to store it; `createIntMap(capacity, table)` takes it back). */
  readonly table: IntMapTable;
}

/** Slots of the open-addressing table: key -1 marks an empty slot. */
export interface IntMapTable {
  readonly keys: Int32Array;
  readonly values: Int32Array;
}

/**
 * A map with room for `capacity` keys (the table is sized for a load factor of at most 1/2); with `table`, the map
 * whose `.table` that was, given the same capacity.
 */
export function createIntMap(capacity: number, table?: IntMapTable): IntMap {
  let bits = 4;
  while (1 << bits < 2 * capacity) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  if (table && (table.keys.length !== 1 << bits || table.values.length !== 1 << bits)) {
    throw new Error(`langdetect: an IntMap table for capacity ${capacity} needs ${1 << bits} slots, got ${table.keys.length}`);
  }
  const keys = table?.keys ?? new Int32Array(1 << bits).fill(-1);
  const values = table?.values ?? new Int32Array(1 << bits);
  let size = table ? keys.reduce((n, k) => (k === -1 ? n : n + 1), 0) : 0;
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
    table: { keys, values },
    forEach(visit) {
      for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== -1) visit(keys[slot]!, values[slot]!);
    },
  };
}
