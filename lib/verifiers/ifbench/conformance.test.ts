import { describe, expect, it } from 'vitest';
import { readJsonlSync } from '../../data/jsonl';
import { dataPath } from '../../data/paths';
import type { PreparedCheck } from '../define';
import { pyStrip } from '../nlp/pytext';
import { passes } from '../types';
import { looseVariants, type LooseVariantName } from '../variants';
import { IFBENCH_CONSTRAINTS } from './index';

// Golden files made by running the official IFBench scorer at db69a6f (docs/data-sources.md).
interface TestRow {
  key: string;
  prompt: string;
  instruction_id_list: string[];
  kwargs: Array<Record<string, unknown>>;
}
interface VariantRow {
  key: string;
  instruction_index: number;
  instruction_id: string;
  kwargs: Record<string, unknown>;
  strict: boolean;
  loose: boolean;
  variants: Record<LooseVariantName, boolean | null>;
}
interface OfficialRow {
  prompt: string;
  follow_instruction_list: boolean[];
}

const read = <T>(file: string): T[] => readJsonlSync<T>(dataPath(`ifbench/${file}`)).map((r) => r.value);
const tests = read<TestRow>('IFBench_test.jsonl');
const samples = read<{ prompt: string; response: string }>('sample_output.jsonl');
const golden = read<VariantRow>('golden_checker_variants.jsonl');
const officialStrict = read<OfficialRow>('official_eval_results_strict.jsonl');
const officialLoose = read<OfficialRow>('official_eval_results_loose.jsonl');

// IFBench joins on the exact prompt, then on the stripped prompt.
const responses = new Map<string, string>();
for (const s of samples) {
  responses.set(s.prompt, s.response);
  if (pyStrip(s.prompt) !== s.prompt) responses.set(pyStrip(s.prompt), s.response);
}
const responseFor = (prompt: string): string | undefined => responses.get(prompt) ?? responses.get(pyStrip(prompt));
const byId = new Map(IFBENCH_CONSTRAINTS.map((c) => [c.id, c]));
const prepare = (id: string, kwargs: unknown): PreparedCheck => byId.get(id)!.prepare(kwargs);
const testsByKey = new Map(tests.map((t) => [t.key, t]));

describe('IFBench conformance with the official scorer at db69a6f', () => {
  it('registers the 58 ids the test set uses, each once', () => {
    const used = new Set(tests.flatMap((t) => t.instruction_id_list));
    expect(IFBENCH_CONSTRAINTS).toHaveLength(58);
    expect(new Set(byId.keys())).toEqual(used);
  });

  it('agrees with every per-variant verdict in golden_checker_variants.jsonl', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const g of golden) {
      const response = responseFor(testsByKey.get(g.key)!.prompt)!;
      const check = prepare(g.instruction_id, g.kwargs);
      for (const v of looseVariants(response)) {
        const want = g.variants[v.name];
        if (want === null || v.text === null) {
          if (want !== null || v.text !== null) mismatches.push(`${g.key} ${g.instruction_id} ${v.name}: empty-variant disagreement`);
          continue;
        }
        compared++;
        const got = passes(check(v.text));
        if (got !== want) mismatches.push(`${g.key} ${g.instruction_id} ${v.name}: got ${got}, official ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(golden).toHaveLength(334);
    expect(compared).toBe(2194);
  });

  it('reproduces the official strict and loose results for all 300 prompts (76/300, 92/344; 86/300, 107/344)', () => {
    const totals = { strictPrompts: 0, strictInstructions: 0, loosePrompts: 0, looseInstructions: 0, instructions: 0 };
    tests.forEach((t, i) => {
      const response = responseFor(t.prompt);
      const checks = t.instruction_id_list.map((id, j) => prepare(id, t.kwargs[j]));
      // A prompt without a response is scored all-false and stays in the denominators.
      const strict = checks.map((c) => response !== undefined && pyStrip(response) !== '' && passes(c(response)));
      const variants = response === undefined ? [] : looseVariants(response);
      const loose = checks.map((c) => variants.some((v) => v.text !== null && passes(c(v.text))));
      expect(strict, `strict ${t.key}`).toEqual(officialStrict[i]!.follow_instruction_list);
      expect(loose, `loose ${t.key}`).toEqual(officialLoose[i]!.follow_instruction_list);
      totals.instructions += checks.length;
      totals.strictInstructions += strict.filter(Boolean).length;
      totals.looseInstructions += loose.filter(Boolean).length;
      if (strict.every(Boolean)) totals.strictPrompts++;
      if (loose.every(Boolean)) totals.loosePrompts++;
    });
    expect(totals).toEqual({ strictPrompts: 76, strictInstructions: 92, loosePrompts: 86, looseInstructions: 107, instructions: 344 });
  });
});
