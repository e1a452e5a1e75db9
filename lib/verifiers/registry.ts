import type { Constraint } from './define';
import { editDistance } from './edit-distance';
import { IFBENCH_CONSTRAINTS } from './ifbench/index';
import { IFEVAL_CONSTRAINTS } from './ifeval/index';
import { IFTRAIN_CONSTRAINTS } from './iftrain/index';
import { LAB_SOFT_CONSTRAINTS } from './lab/soft';
import type { Suite } from './types';

function buildRegistry(): ReadonlyMap<string, Constraint> {
  const map = new Map<string, Constraint>();
  for (const c of [...IFEVAL_CONSTRAINTS, ...IFBENCH_CONSTRAINTS, ...IFTRAIN_CONSTRAINTS, ...LAB_SOFT_CONSTRAINTS]) {
    if (map.has(c.id)) throw new Error(`verifiers: constraint id ${c.id} is registered twice`);
    map.set(c.id, c);
  }
  return map;
}

/** Every constraint id ifkit knows, keyed by its upstream id. */
export const REGISTRY: ReadonlyMap<string, Constraint> = buildRegistry();

/** The registered ids closest to `id` (for error messages). */
export function nearestIds(id: string, n = 3): string[] {
  return [...REGISTRY.keys()]
    .map((k) => [k, editDistance(id, k)] as const)
    .sort((x, y) => x[1] - y[1])
    .slice(0, n)
    .map(([k]) => k);
}

/** Thrown for an id that no suite registers. */
export class UnknownConstraintError extends Error {
  constructor(readonly constraintId: string) {
    super(`unknown instruction id "${constraintId}"; nearest registered ids: ${nearestIds(constraintId).join(', ')}`);
    this.name = 'UnknownConstraintError';
  }
}

/** @example getConstraint('punctuation:no_comma').prepare({})('no commas here') // true */
export function getConstraint(id: string): Constraint {
  const c = REGISTRY.get(id);
  if (!c) throw new UnknownConstraintError(id);
  return c;
}

/** Registered constraints, optionally of one suite, in registry order. */
export function listConstraints(suite?: Suite): Constraint[] {
  const all = [...REGISTRY.values()];
  return suite ? all.filter((c) => c.suites.includes(suite)) : all;
}
