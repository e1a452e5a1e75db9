/**
 * Python's `unicodedata.normalize('NFKD', s).encode('ASCII', 'ignore').decode('ASCII')`: decompose, then drop every
 * non-ASCII code point ('São Tomé' → 'Sao Tome', 'ß' → '', '…' → '...').
 * Node's ICU may know a newer Unicode than Python 3.11 (14.0); only characters added since then could differ, and
 * their decompositions are non-ASCII, so the result is the same.
 * @example asciiFold('Reykjavík') // 'Reykjavik'
 */
export function asciiFold(s: string): string {
  return s.normalize('NFKD').replace(/[^\x00-\x7f]/gu, '');
}
