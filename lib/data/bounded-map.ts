/**
 * Stores `value` under `key` and returns it, first emptying `map` when it already holds `limit` entries: the memo of
 * compiled regexes, bound checkers or tokenizer decisions that must not grow without end (the next lookups refill
 * it). Callers look the key up first, so nothing is built on a hit:
 * @example patterns.get(word) ?? rememberBounded(patterns, word, new RegExp(word, 'u'), 1000)
 */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
