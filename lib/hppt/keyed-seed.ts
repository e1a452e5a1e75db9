import { createHash } from 'node:crypto';

/**
 * A 32-bit seed from a run seed and an item's key (and a salt): every per-prompt random choice depends only on
 * (seed, key), so reordering, filtering or resuming a dataset never changes it.
 * @example keyedSeed(0, 'oi-1', 'soft') // the same number on every run
 */
export function keyedSeed(seed: number, key: string, salt: string): number {
  return createHash('sha256').update(`${seed}\u0000${salt}\u0000${key}`).digest().readUInt32LE(0);
}
