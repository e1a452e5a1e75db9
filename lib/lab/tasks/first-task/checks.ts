import { passes } from '../../../verifiers/types';
import { getConstraint } from '../../../verifiers/registry';
import { countWords, escapeRegExp, pyIsLower } from '../../../verifiers/nlp/pytext';
import type { LabMeta } from './world';

/*
 * The task's three IFEval checks. 'registry' uses the real checkers (`getConstraint(id).prepare(kwargs)`);
 * 'local' uses small stand-ins with the same semantics:
 * - length_constraints:number_words counts nltk RegexpTokenizer(r"\w+") tokens (pytext countWords). IFEval only
 *   has 'less than' and 'at least', so "exactly N" is both: at least N and less than N + 1.
 * - keywords:existence is re.search(keyword, response, re.I): a substring match, no word boundaries ("coral"
 *   is found in "corals"); lab keywords are plain words, so escaping them changes nothing.
 * - change_case:english_lowercase is response.islower() and langdetect says 'en'. The local check keeps islower()
 *   and skips langdetect: every lab word is English, yet langdetect calls 450 of 2,000 lowercase teacher responses
 *   (bags of topical words) not English, so the registry check would reward the detector's quirks, not the rule.
 *   Length and keyword verdicts of 'local' and 'registry' agreed on all 2,000.
 * Hence 'local' is the lab's default; 'registry' is the exact-upstream option.
 */

export type CheckSource = 'local' | 'registry';


/** Per-constraint verdicts of one response. */
export interface LabVerdicts {
  readonly length: boolean;
  readonly keyword: boolean;
  readonly lowercase: boolean;
}

function localVerdicts(response: string, m: LabMeta): LabVerdicts {
  return {
    length: countWords(response) === m.numWords,
    keyword: new RegExp(escapeRegExp(m.keyword), 'i').test(response),
    lowercase: pyIsLower(response),
  };
}

function registryVerdicts(response: string, m: LabMeta): LabVerdicts {
  const words = getConstraint('length_constraints:number_words');
  const atLeast = words.prepare({ num_words: m.numWords, relation: 'at least' })(response);
  const below = words.prepare({ num_words: m.numWords + 1, relation: 'less than' })(response);
  return {
    length: passes(atLeast) && passes(below),
    keyword: passes(getConstraint('keywords:existence').prepare({ keywords: [m.keyword] })(response)),
    lowercase: passes(getConstraint('change_case:english_lowercase').prepare({})(response)),
  };
}

/** The three verdicts of `response` for instance `m`. */
export function labVerdicts(response: string, m: LabMeta, source: CheckSource): LabVerdicts {
  return source === 'registry' ? registryVerdicts(response, m) : localVerdicts(response, m);
}

/** All three pass. */
export function allPass(v: LabVerdicts): boolean {
  return v.length && v.keyword && v.lowercase;
}
