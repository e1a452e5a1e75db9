/**
 * Pilot results in: per prompt, the reward of every rollout. `ifkit hppt pilot` writes them (with the responses and
 * per-constraint verdicts); results from any other trainer's pilot work too, one JSON line per prompt:
 * `{"key": "<item key>", "rewards": [0, 1, 0, 0]}` (optionally `"passed": [[true, false], ...]`, one row per rollout
 * with one verdict per constraint in the item's order).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BadRow } from './types';

export interface PilotResult {
  readonly key: string;
  readonly rewards: readonly number[];
  /** Per rollout, per constraint (item order): passed or not. */
  readonly passed?: readonly (readonly boolean[])[];
}

const resultSchema = z.looseObject({
  key: z.union([z.string(), z.number()]).transform(String),
  rewards: z.array(z.number().finite()),
  passed: z.array(z.array(z.boolean())).optional(),
});

/** Reads pilot results; a later line for the same key replaces an earlier one. A torn last line (a killed pilot) is ignored. */
export function readPilotResults(file: string): { results: Map<string, PilotResult>; bad: BadRow[] } {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const results = new Map<string, PilotResult>();
  const bad: BadRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      if (i === lines.length - 1 && !text.endsWith('\n')) return;
      bad.push({ file, line: i + 1, reason: `invalid JSON (${(e as Error).message})` });
      return;
    }
    const r = resultSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      bad.push({ file, line: i + 1, reason: `pilot result: ${issue.path.join('.') || '(row)'}: ${issue.message}; expected {"key", "rewards": [numbers]}` });
      return;
    }
    results.set(r.data.key, { key: r.data.key, rewards: r.data.rewards, ...(r.data.passed ? { passed: r.data.passed } : {}) });
  });
  return { results, bad };
}
