/**
 * Extra constraints for the server, loaded from modules that export `constraints: Constraint[]` (built with
 * defineConstraint). They are consulted before the registry, so a plugin can add ids (or stand in for one in tests).
 */
import { resolve } from 'node:path';
import type { Constraint, ConstraintLookup } from '../verifiers/define';
import { getConstraint } from '../verifiers/registry';

function isConstraint(c: unknown): c is Constraint {
  return typeof c === 'object' && c !== null && typeof (c as Constraint).id === 'string' && typeof (c as Constraint).prepare === 'function';
}

/** Loads plugin modules (with require: the caller must be able to load them, e.g. under tsx). */
export function loadPluginConstraints(paths: readonly string[]): Constraint[] {
  return paths.flatMap((p) => {
    const mod = require(resolve(p)) as { constraints?: unknown };
    if (!Array.isArray(mod.constraints) || !mod.constraints.every(isConstraint)) {
      throw new Error(`plugin ${p}: expected \`export const constraints: Constraint[]\` built with defineConstraint`);
    }
    return mod.constraints;
  });
}

/** A lookup that tries the plugins' constraints first, then the registry. */
export function lookupWithPlugins(extra: readonly Constraint[]): ConstraintLookup {
  const byId = new Map(extra.map((c) => [c.id, c]));
  return (id) => byId.get(id) ?? getConstraint(id);
}
