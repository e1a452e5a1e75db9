import { rememberBounded } from '../../../data/bounded-map';
import type { PreparedCheck } from '../../../verifiers/define';
import { getConstraint } from '../../../verifiers/registry';
import { passes } from '../../../verifiers/types';
import type { LabConstraint } from './instance';

/*
 * The TRUE verdict of a response on each constraint: the registry's rule for hard constraints, the oracle for the
 * lab's soft ones (their registered check). Strict mode, upstream checker semantics. Checks are bound once per
 * (id, kwargs) and reused: a GRPO step checks 64 responses against the same few prompts.
 */

const bound = new Map<string, PreparedCheck>();

function checkOf(c: LabConstraint): PreparedCheck {
  const key = `${c.id}\u0000${JSON.stringify(c.kwargs)}`;
  return bound.get(key) ?? rememberBounded(bound, key, getConstraint(c.id).prepare(c.kwargs), 50_000);
}

/** True verdicts of `response`, one per constraint. @example trueVerdicts('coral reef', [{ type: 'include', kind: 'hard', id: 'keywords:existence', kwargs: { keywords: ['coral'] } }]) // [true] */
export function trueVerdicts(response: string, constraints: readonly LabConstraint[]): boolean[] {
  return constraints.map((c) => passes(checkOf(c)(response)));
}
