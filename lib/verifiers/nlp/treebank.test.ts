import { describe, expect, it } from 'vitest';
import { wordTokenize } from './nltk';
import { treebankTokens } from './treebank';

// Expected values from NLTK 3.8 `NLTKWordTokenizer().tokenize`.
const CASES: ReadonlyArray<[string, string, string[]]> = [
  ["n't split off", "Don't stop believing.", ['Do', "n't", 'stop', 'believing', '.']],
  ['ca/wo + n\'t, cannot (CONTRACTIONS2)', "I can't, I won't, I cannot.", ['I', 'ca', "n't", ',', 'I', 'wo', "n't", ',', 'I', 'can', 'not', '.']],
  ['gonna/wanna/gimme', "We're gonna wanna go, gimme that.", ['We', "'re", 'gon', 'na', 'wan', 'na', 'go', ',', 'gim', 'me', 'that', '.']],
  ["'tis/'twas (CONTRACTIONS3, case-insensitive)", "'Tis the season, 'twas fun.", ["'T", 'is', 'the', 'season', ',', "'t", 'was', 'fun', '.']],
  ['double quotes become `` and \'\'', '"Hello," he said.', ['``', 'Hello', ',', "''", 'he', 'said', '.']],
  ['existing `` and \'\'', "He said ``hi'' twice.", ['He', 'said', '``', 'hi', "''", 'twice', '.']],
  ['money, decimals, parentheses (convert_parentheses=False)', 'Good muffins cost $3.88 (roughly) in New York.', ['Good', 'muffins', 'cost', '$', '3.88', '(', 'roughly', ')', 'in', 'New', 'York', '.']],
  ['double dash', 'Wait -- what?', ['Wait', '--', 'what', '?']],
  ['@ ; % & #', 'Email me@x.com; 50% off & more #1!', ['Email', 'me', '@', 'x.com', ';', '50', '%', 'off', '&', 'more', '#', '1', '!']],
  ['comma/colon split unless a digit follows', 'Prices: 1,000 and 2:30, ok.', ['Prices', ':', '1,000', 'and', '2:30', ',', 'ok', '.']],
  ['only the final period splits', 'The U.S. Army is big.', ['The', 'U.S.', 'Army', 'is', 'big', '.']],
  ['ellipsis', 'Hmm... ok.', ['Hmm', '...', 'ok', '.']],
  ['Unicode quotes', '“Smart quotes” and ‘single’ «guillemets».', ['“', 'Smart', 'quotes', '”', 'and', '‘', 'single', '’', '«', 'guillemets', '»', '.']],
  ["'s but not inner apostrophes", "It's O'Neil's rock'n'roll.", ['It', "'s", "O'Neil", "'s", "rock'n'roll", '.']],
  ["'ll 'm 've", "They'll say I'm done; you've won.", ['They', "'ll", 'say', 'I', "'m", 'done', ';', 'you', "'ve", 'won', '.']],
  ['brackets', 'Go [now] {please} <tag>.', ['Go', '[', 'now', ']', '{', 'please', '}', '<', 'tag', '>', '.']],
  ['asterisk', 'A * star.', ['A', '*', 'star', '.']],
  ['final period before a closing quote', 'Ends with a quote."', ['Ends', 'with', 'a', 'quote', '.', "''"]],
  ["lemme, d'ye, more'n", "lemme see, d'ye know more'n me?", ['lem', 'me', 'see', ',', 'd', "'ye", 'know', 'more', "'n", 'me', '?']],
  ["Python (?i) and \\w: long s after a quote", "İt ſ 'ſ test.", ['İt', 'ſ', "'ſ", 'test', '.']],
  ['lone period', 'x.', ['x', '.']],
  ['only an ellipsis', '...', ['...']],
  ['quote before a space', "He said 'yes' .", ['He', 'said', "'yes", "'", '.']],
];

describe('treebankTokens (NLTKWordTokenizer)', () => {
  it.each(CASES)('%s', (_rule, sentence, tokens) => {
    expect(treebankTokens(sentence)).toEqual(tokens);
  });
});

describe('wordTokenize', () => {
  it('tokenizes each Punkt sentence separately (so "York." inside the text still splits)', () => {
    expect(wordTokenize('Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.')).toEqual([
      'Good', 'muffins', 'cost', '$', '3.88', 'in', 'New', 'York', '.', 'Please', 'buy', 'me', 'two', 'of', 'them', '.', 'Thanks', '.',
    ]);
  });
  it('returns no tokens for blank text', () => {
    expect(wordTokenize(' \n ')).toEqual([]);
  });
});
