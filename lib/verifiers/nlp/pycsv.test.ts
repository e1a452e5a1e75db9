import { describe, expect, it } from 'vitest';
import { PyCsvError, readPyCsv } from './pycsv';

// Expected records are Python 3.11's list(csv.reader(io.StringIO(text), delimiter=…)).
describe('readPyCsv', () => {
  it.each<[string, string, string[][]]>([
    ['a,"b ""c"""\n\nd', ',', [['a', 'b "c"'], [], ['d']]],
    ['x,"open\nstill",y\n', ',', [['x', 'open\nstill', 'y']]],
    ['a,b\r\nc,d', ',', [['a', 'b'], ['c', 'd']]],
    ['"q"x,y', ',', [['qx', 'y']]],
    ['"unterminated', ',', [['unterminated']]],
    ['a\tb\t"c\td"', '\t', [['a', 'b', 'c\td']]],
    ['a,\n', ',', [['a', '']]],
    [',', ',', [['', '']]],
    [' "a",b', ',', [[' "a"', 'b']]],
    ['', ',', []],
  ])('%j (delimiter %j)', (text, delimiter, records) => {
    expect(readPyCsv(text, delimiter)).toEqual(records);
  });

  it('raises where Python raises', () => {
    expect(() => readPyCsv('a\rb,c')).toThrow(PyCsvError);
    expect(() => readPyCsv('a,\0')).toThrow(/NUL/);
  });
});
