import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonlSync } from '../../../data/jsonl';
import { dataPath } from '../../../data/paths';
import { looseVariants } from '../../variants';
import { pyIsLower, pyIsUpper } from '../pytext';
import { detectLanguage } from './index';

// The official scorer's langdetect-dependent verdicts on the GPT-4 responses, every loose-mode variant included
// (ifeval/golden_checker_variants.jsonl). The checkers below restate upstream's three check_following bodies only to
// pin the detector; the registered checkers live with the IFEval suite. A detection error counts as a pass.
const Golden = z.object({
  key: z.number(),
  instruction_id: z.string(),
  kwargs: z.record(z.string(), z.unknown()),
  variants: z.record(z.string(), z.boolean().nullable()),
});
const Prompt = z.object({ key: z.number(), prompt: z.string() });
const Response = z.object({ prompt: z.string(), response: z.string() });

function verdict(id: string, kwargs: Record<string, unknown>, text: string): boolean {
  if (id === 'change_case:english_capital' && !pyIsUpper(text)) return false;
  if (id === 'change_case:english_lowercase' && !pyIsLower(text)) return false;
  const lang = detectLanguage(text);
  if (lang === null) return true;
  return lang === (id === 'language:response_language' ? kwargs.language : 'en');
}

describe('langdetect on the official IFEval verdicts', () => {
  it('reproduces every response_language / english_capital / english_lowercase verdict, all variants', () => {
    const ids = new Set(['language:response_language', 'change_case:english_capital', 'change_case:english_lowercase']);
    const rows = readJsonlSync(dataPath('ifeval/golden_checker_variants.jsonl'), (v) => Golden.parse(v))
      .map((r) => r.value)
      .filter((r) => ids.has(r.instruction_id));
    const prompts = new Map(readJsonlSync(dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl'), (v) => Prompt.parse(v)).map((r) => [r.value.key, r.value.prompt]));
    const responses = new Map(readJsonlSync(dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl'), (v) => Response.parse(v)).map((r) => [r.value.prompt, r.value.response]));
    let checked = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      const response = responses.get(prompts.get(row.key) ?? '');
      if (response === undefined) throw new Error(`golden key ${row.key}: no GPT-4 response for its prompt`);
      for (const { name, text } of looseVariants(response)) {
        const expected = row.variants[name];
        if (expected === null || expected === undefined || text === null) continue;
        checked++;
        if (verdict(row.instruction_id, row.kwargs, text) !== expected) wrong.push(`${row.key} ${row.instruction_id} ${name}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(rows.length).toBe(95);
    expect(checked).toBe(595);
  });
});
