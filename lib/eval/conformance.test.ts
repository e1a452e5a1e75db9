import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponseRows } from '../data/benchmark';
import { readJsonlSync } from '../data/jsonl';
import { dataPath } from '../data/paths';
import type { Constraint } from '../verifiers/define';
import { IFEVAL_CONSTRAINTS } from '../verifiers/ifeval/index';
import { readPrompts, type PreparedPrompt } from './input';
import { joinResponses } from './join';
import { summarize } from './metrics';
import { officialJsonl } from './official-format';
import { scorePrompts, variantVerdicts, type ScoredPrompt } from './score';

// The GPT-4 responses scored by the official google-research scorer (2025 instructions.py); see docs/data-sources.md.
const byId = new Map<string, Constraint>(IFEVAL_CONSTRAINTS.map((c) => [c.id, c]));
const lookup = (id: string): Constraint => byId.get(id)!;

interface OfficialRow {
  follow_all_instructions: boolean;
  follow_instruction_list: boolean[];
  instruction_id_list: string[];
  prompt: string;
}

let prompts: PreparedPrompt[];
let scored: ScoredPrompt[];
let responses: ReadonlyArray<string | null>;

beforeAll(() => {
  prompts = readPrompts(dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl'), { lookup });
  responses = joinResponses(prompts, readResponseRows(dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl'))).responses;
  scored = scorePrompts(prompts, responses);
});

describe('conformance with the official IFEval scorer on the GPT-4 responses', () => {
  it.each(['strict', 'loose'] as const)('agrees on every prompt and instruction, %s', (mode) => {
    const official = readJsonlSync<OfficialRow>(dataPath(`ifeval/official_eval_results_${mode}.jsonl`)).map((r) => r.value);
    expect(scored).toHaveLength(541);
    let instructions = 0;
    official.forEach((row, i) => {
      const ours = scored[i]!;
      expect(ours.prompt).toBe(row.prompt);
      expect(ours[mode].map((v) => v !== false), `key ${ours.key}`).toEqual(row.follow_instruction_list);
      instructions += row.follow_instruction_list.length;
    });
    expect(instructions).toBe(834);
  });

  it.each(['strict', 'loose'] as const)('writes eval_results_%s.jsonl byte for byte', (mode) => {
    expect(officialJsonl(scored, mode)).toBe(readFileSync(dataPath(`ifeval/official_eval_results_${mode}.jsonl`), 'utf8'));
  });

  it('reproduces the headline counts 417/541, 698/834, 431/541, 714/834', () => {
    const s = summarize(scored, { seed: 0, resamples: 0 });
    expect([s.promptLevelStrict.followed, s.promptLevelStrict.total]).toEqual([417, 541]);
    expect([s.instructionLevelStrict.followed, s.instructionLevelStrict.total]).toEqual([698, 834]);
    expect([s.promptLevelLoose.followed, s.promptLevelLoose.total]).toEqual([431, 541]);
    expect([s.instructionLevelLoose.followed, s.instructionLevelLoose.total]).toEqual([714, 834]);
    const golden = JSON.parse(readFileSync(dataPath('ifeval/golden_summary.json'), 'utf8')) as {
      per_instruction_id: Record<string, { count: number; strict_followed: number; loose_followed: number }>;
    };
    for (const g of s.perId) {
      expect([g.strict.total, g.strict.followed, g.loose.followed], g.name).toEqual([
        golden.per_instruction_id[g.name]!.count,
        golden.per_instruction_id[g.name]!.strict_followed,
        golden.per_instruction_id[g.name]!.loose_followed,
      ]);
    }
  });

  it('agrees with every per-variant verdict in golden_checker_variants.jsonl', () => {
    const golden = readJsonlSync<{
      key: number;
      instruction_index: number;
      instruction_id: string;
      variants: Record<string, boolean | null>;
    }>(dataPath('ifeval/golden_checker_variants.jsonl')).map((r) => r.value);
    const index = new Map(prompts.map((p, i) => [p.key, i]));
    let compared = 0;
    for (const g of golden) {
      const i = index.get(g.key)!;
      expect(prompts[i]!.instructionIds[g.instruction_index]).toBe(g.instruction_id);
      const ours = variantVerdicts(prompts[i]!.checks[g.instruction_index]!, responses[i]!);
      const asRecord = Object.fromEntries(ours.map((v) => [v.name, v.verdict === null ? null : v.verdict !== false]));
      expect(asRecord, `key ${g.key} ${g.instruction_id}`).toEqual(g.variants);
      compared += ours.length;
    }
    expect(golden).toHaveLength(834);
    expect(compared).toBe(834 * 8);
  });
});
