import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JudgeMode } from './types';

/** The shipped template file for a mode (lib/judge/templates/<mode>.txt). */
export function defaultTemplatePath(mode: JudgeMode): string {
  return join(__dirname, 'templates', `${mode}.txt`);
}

/** Reads a template: the user's file when given, else the shipped one for the mode. */
export function loadTemplate(mode: JudgeMode, file?: string): string {
  const path = file ?? defaultTemplatePath(mode);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`judge template for mode ${mode}: cannot read "${path}" (${(e as Error).message}); pass an existing file or omit --template`);
  }
}

/**
 * Fills `{{name}}` placeholders in one pass (a response that itself contains `{{...}}` is left alone).
 * @example renderTemplate('Q: {{prompt}}', { prompt: 'Hi' }) // 'Q: Hi'
 */
export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z_]+)\s*\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      throw new Error(`judge template uses {{${name}}}, which is not one of: ${Object.keys(vars).join(', ')}; fix the template`);
    }
    return value;
  });
}

/** Numbers constraint texts as `1. ...` lines, the form the batched templates show. */
export function numberedList(items: readonly string[]): string {
  return items.map((s, i) => `${i + 1}. ${s}`).join('\n');
}
