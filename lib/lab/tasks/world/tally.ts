import { countWords } from '../../../verifiers/nlp/pytext';
import type { LabConstraint } from './instance';
import type { ScoredResponse } from './reward';

/*
 * Proxy beside truth, as flat metric names: for a set of scored responses, the reward, the TRUE all-pass rate, and
 * per constraint type the rate the trainer saw (`seen/<type>`: the rule, or the judge for soft types) beside the
 * TRUE rate (`true/<type>`: rule or oracle), per number of constraints, and the mean response length in words —
 * the visible sign of a length hack. Types a set does not hold are left out (their rate is undefined, not 0).
 */

export interface TallyRow {
  readonly response: string;
  readonly constraints: readonly LabConstraint[];
  readonly scored: ScoredResponse;
}

/** Flat metrics of scored responses, every name prefixed with `prefix`. @example tally(rows, 'mixed/')['mixed/true/include'] */
export function tally(rows: readonly TallyRow[], prefix = ''): Record<string, number> {
  const sums = new Map<string, number>();
  const add = (key: string, v: number): void => void sums.set(key, (sums.get(key) ?? 0) + v);
  for (const { response, constraints, scored } of rows) {
    add('reward', scored.reward);
    add('allPass', scored.truth.every(Boolean) ? 1 : 0);
    add('seenAllPass', scored.seen.every(Boolean) ? 1 : 0);
    add('words', countWords(response));
    add(`kn/${constraints.length}`, 1);
    add(`k/${constraints.length}`, scored.truth.every(Boolean) ? 1 : 0);
    constraints.forEach((c, i) => {
      add(`n/${c.type}`, 1);
      add(`true/${c.type}`, scored.truth[i] ? 1 : 0);
      add(`seen/${c.type}`, scored.seen[i] ? 1 : 0);
    });
  }
  const n = Math.max(rows.length, 1);
  const out: Record<string, number> = { [`${prefix}n`]: rows.length };
  for (const [key, sum] of sums) {
    const [head, type] = key.split('/') as [string, string | undefined];
    if (head === 'n' || head === 'kn') out[`${prefix}${key}`] = sum;
    else if (type === undefined) out[`${prefix}${key}`] = sum / n;
    else out[`${prefix}${key}`] = sum / sums.get(`${head === 'k' ? 'kn' : 'n'}/${type}`)!;
  }
  return out;
}
