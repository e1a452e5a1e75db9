import type { Constraint } from '../define';

/** Every iftrain constraint id, in upstream registry order. */
export const IFTRAIN_CONSTRAINTS: readonly Constraint[] = [];
