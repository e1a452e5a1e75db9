import type { Rng } from '../../../stats/rng';
import { TOPICS, type LabMeta } from './world';

/*
 * An imperfect teacher for the supervised warm start. docs/lab-world-findings.md: a teacher that writes the exact length
 * with probability .5 and puts the keyword first with probability ≈ .47 left room for GRPO to improve. Here it also
 * capitalises the first word with probability .3 (the lowercase rule). Its all-pass rate is ≈ .5 · .5 · .7 = .18.
 * Responses use only the topic's words, so there is no filler for the keyword to hide among.
 */

export interface TeacherOptions {
  /** Probability the response has exactly the asked number of words (else off by 1 or 2). */
  readonly exactLength: number;
  /** Probability the keyword is the first word (else it is absent). */
  readonly keywordFirst: number;
  /** Probability the first word is capitalised. */
  readonly capitalise: number;
}

export const TEACHER_DEFAULTS: TeacherOptions = { exactLength: 0.5, keywordFirst: 0.5, capitalise: 0.3 };

const OFFSETS = [-2, -1, 1, 2];

/** One teacher response to an instance. @example teacherResponse({topic: 'ocean', numWords: 3, keyword: 'reef'}, rng) // 'reef tide foam' */
export function teacherResponse(m: LabMeta, rng: Rng, o: TeacherOptions = TEACHER_DEFAULTS): string {
  const pool = TOPICS[m.topic];
  if (!pool) throw new Error(`teacherResponse: unknown topic ${JSON.stringify(m.topic)}; use one of ${Object.keys(TOPICS).join(', ')}`);
  const n = rng.next() < o.exactLength ? m.numWords : Math.max(1, m.numWords + OFFSETS[rng.int(0, OFFSETS.length - 1)]!);
  const others = pool.filter((w) => w !== m.keyword);
  const words = Array.from({ length: n }, () => others[rng.int(0, others.length - 1)]!);
  if (rng.next() < o.keywordFirst) words[0] = m.keyword;
  if (rng.next() < o.capitalise) words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  return words.join(' ');
}
