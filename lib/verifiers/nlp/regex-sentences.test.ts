import { describe, expect, it } from 'vitest';
import { splitIntoSentences } from './nltk';

// Expected values from google-research instructions_util.split_into_sentences (Python 3.11).
describe('splitIntoSentences (IFEval regex heuristic)', () => {
  it.each([
    ['prefix Mr.', 'Hello Mr. Smith. How are you?', ['Hello Mr. Smith.', 'How are you?']],
    ['Ph.D.', 'I have a Ph.D. in CS. Nice.', ['I have a Ph.D. in CS.', 'Nice.']],
    ['website', 'Visit example.com today. Or not.', ['Visit example.com today.', 'Or not.']],
    ['decimal', 'Pi is 3.14. Yes.', ['Pi is 3.14.', 'Yes.']],
    ['ellipsis ends a sentence', 'Wait... what?', ['Wait...', 'what?']],
    ['acronym before a starter', 'The U.S. He left.', ['The U.S.', 'He left.']],
    ['period moved outside the quote', 'She said "hi." Then left.', ['She said "hi".', 'Then left.']],
    // Quirk: "<stop>" replaces the suffix's period, so the first sentence loses it.
    ['suffix before a starter drops its period', 'Acme Inc. He sells.', ['Acme Inc', 'He sells.']],
    ['suffix not before a starter', 'Acme Inc. sells.', ['Acme Inc. sells.']],
    ['lowercase initials', 'a.b.c. done', ['a.b.c. done']],
    ['newline becomes a space', 'Line\nbreak. Here!', ['Line break.', 'Here!']],
    ['literal markers in the input are obeyed; empty pieces kept', '<stop>x<prd>y', ['', 'x.y']],
    ['each ? ends a sentence', 'Really?? Yes!', ['Really?', '?', 'Yes!']],
    ['single letters are initials', ' A. b. C. ', ['A. b. C.']],
    ['empty text', '', []],
  ])('%s', (_rule, text, sentences) => {
    expect(splitIntoSentences(text)).toEqual(sentences);
  });
});
