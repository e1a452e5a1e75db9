import { describe, expect, it } from 'vitest';
import { asciiFold } from './nfkd';

// Expected values are Python 3.11's normalize('NFKD', s).encode('ASCII', 'ignore').decode().
describe('asciiFold', () => {
  it.each<[string, string]>([
    ['São Tomé', 'Sao Tome'],
    ['Reykjavík', 'Reykjavik'],
    ['Chișinău', 'Chisinau'],
    ['ß', ''],
    ['…', '...'],
    ['ﬁ', 'fi'],
    ['①', '1'],
    ['東京', ''],
  ])('%j → %j', (s, expected) => {
    expect(asciiFold(s)).toBe(expected);
  });
});
