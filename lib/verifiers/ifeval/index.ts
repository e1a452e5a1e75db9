import type { Constraint } from '../define';

/** Every ifeval constraint id, in upstream registry order. */
export const IFEVAL_CONSTRAINTS: readonly Constraint[] = [];
