/** Building constraints from the forms datasets carry them in, validated against the registry. */
import { createHash } from 'node:crypto';
import { getConstraint } from '../verifiers/registry';
import { SOFT_TEXT_ID } from './soft-text';
import type { HpptConstraint } from './types';

/**
 * A constraint from a registry id and its kwargs; throws (UnknownConstraintError naming the nearest ids, or
 * KwargsError naming the field) so the reader can report the row. `soft:instruction` becomes a judge check.
 * @example registryConstraint('punctuation:no_comma', null)
 */
export function registryConstraint(id: string, kwargs: Readonly<Record<string, unknown>> | null): HpptConstraint {
  if (id === SOFT_TEXT_ID) {
    const instruction = kwargs?.instruction;
    if (typeof instruction !== 'string' || instruction.trim() === '') throw new Error(`${SOFT_TEXT_ID} needs kwargs {"instruction": "<text>"}, got ${JSON.stringify(kwargs)}`);
    return softText(instruction);
  }
  const c = getConstraint(id);
  c.prepare(kwargs ?? {});
  return { kind: c.kind, type: id, check: { by: 'registry', id, kwargs } };
}

/** A soft constraint given as text; `type` groups it in reports (default `soft:instruction`). */
export function softText(instruction: string, type: string = SOFT_TEXT_ID): HpptConstraint {
  return { kind: 'soft', type, check: { by: 'judge', instruction } };
}

/** A rule given as Python source (never run unless asked; see sandbox.ts). */
export function pythonRule(type: string, source: string): HpptConstraint {
  return { kind: 'hard', type, check: { by: 'python', source, sha256: sha256(source) } };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A key for a row without one: a hash of what makes it this prompt. */
export function contentKey(parts: unknown): string {
  return `sha256:${sha256(JSON.stringify(parts)).slice(0, 16)}`;
}
