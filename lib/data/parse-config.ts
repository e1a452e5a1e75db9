import type { z } from 'zod';

/*
 * Reading a config file: typed defaults plus a partial JSON diff (`{ "grpo": { "steps": 60 } }`), validated by zod.
 * General parsing, so it sits in the lowest layer and any module's config can use it.
 */

/**
 * A nested config section over its defaults. A non-object value is an error here: spreading a string such as
 * `"lr": "fast"` would silently turn into the defaults.
 */
function mergeSection<T extends object>(label: string, name: string, base: T, value: unknown): T {
  if (value === undefined) return base;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${label}: "${name}" must be an object like ${JSON.stringify(base)}, got ${JSON.stringify(value)}`);
  }
  return { ...base, ...value };
}

/**
 * A config from partial JSON (`unknown` in, typed out): top-level fields and the named object sections are merged
 * over `base`, then validated; errors name each bad field. Every named config (GRPO, lab) is read through it.
 */
export function parseConfigOver<T extends object>(
  label: string,
  schema: z.ZodType<T>,
  base: T,
  raw: unknown,
  sections: readonly (keyof T & string)[],
  hint: string,
): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${label} must be a JSON object, got ${JSON.stringify(raw)}; ${hint}`);
  }
  const r = raw as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base, ...r };
  for (const name of sections) merged[name] = mergeSection(label, name, base[name] as object, r[name]);
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${label} is invalid (${issues}); fix these fields or drop them to use the defaults`);
  }
  return parsed.data;
}
