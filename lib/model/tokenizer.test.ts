import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenizerFromJSON } from './tokenizer';

const tok = createTokenizer(['write', 'about', 'the', 'sea', 'in', 'exactly', 'words', 'cat']);
const W = (w: string) => 259 + ['write', 'about', 'the', 'sea', 'in', 'exactly', 'words', 'cat'].indexOf(w);
const byte = (c: string) => 3 + c.charCodeAt(0);

describe('word + byte tokenizer', () => {
  it('lays out specials, then 256 bytes, then words', () => {
    expect([tok.pad, tok.bos, tok.eos, tok.vocabSize]).toEqual([0, 1, 2, 3 + 256 + 8]);
  });

  it('spends one token per known word, the space between two words being implicit', () => {
    expect(tok.encode('write about the sea')).toEqual([W('write'), W('about'), W('the'), W('sea')]);
    expect(tok.decode([W('the'), W('cat')])).toBe('the cat');
  });

  it('spells digits, punctuation, capitals and unknown words with bytes', () => {
    expect(tok.encode('in 12 words.')).toEqual([W('in'), byte(' '), byte('1'), byte('2'), byte(' '), W('words'), byte('.')]);
    expect(tok.encode('The cats')).toEqual([byte('T'), byte('h'), byte('e'), byte(' '), byte('c'), byte('a'), byte('t'), byte('s')]);
  });

  it.each([
    'write about the sea in exactly 7 words',
    'The sea, the cat!  the   cat\n\nwords\t',
    ' leading and trailing ',
    'ÉTÉ naïve 😀 über — “quotes”',
    'cat,cat;cat.cat-cat',
    'P.S. *highlighted* section 1: JSON {"a": [1, 2]}',
    '',
  ])('round-trips %j exactly', (text) => {
    expect(tok.decode(tok.encode(text))).toBe(text);
  });

  it('ignores specials on decode and labels tokens for attention maps', () => {
    expect(tok.decode([tok.bos, W('cat'), tok.eos, tok.pad])).toBe('cat');
    expect([tok.label(tok.bos), tok.label(byte('A')), tok.label(byte(' ')), tok.label(W('sea'))]).toEqual(['<bos>', 'A', '<0x20>', 'sea']);
  });

  it('survives JSON', () => {
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    expect(back.encode('the sea, 3 cats')).toEqual(tok.encode('the sea, 3 cats'));
    expect(back.vocabSize).toBe(tok.vocabSize);
  });

  it('rejects bad vocabularies and ids with a reason', () => {
    expect(() => createTokenizer(['two words'])).toThrow('"two words" must be letters/digits only');
    expect(() => createTokenizer(['a', 'a'])).toThrow('listed twice');
    expect(() => tok.decode([9999])).toThrow('id 9999 is outside the vocabulary [0, 267)');
    expect(() => tokenizerFromJSON({ kind: 'bpe' })).toThrow('not a word-byte tokenizer');
  });
});
