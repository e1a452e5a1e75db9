import type { Constraint } from '../define';

/** Every ifbench constraint id, in upstream registry order. */
export const IFBENCH_CONSTRAINTS: readonly Constraint[] = [];
