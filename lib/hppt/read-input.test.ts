import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from './read-input';
import { badRowMessage } from './types';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const summary = (items: Awaited<ReturnType<typeof readDataset>>['items']) =>
  items.map((i) => ({ key: i.key, messages: i.messages.length, constraints: i.constraints.map((c) => `${c.kind}:${c.type}:${c.check.by}`) }));

describe('readDataset: open-instruct / IF-RLVR rows', () => {
  it('reads ifeval rows (prompt = all messages but the last), skips the rest with file:line: reason', async () => {
    const r = await readDataset(fixture('open-instruct.jsonl'));
    expect(r.format).toBe('open-instruct');
    expect(r.rows).toBe(7);
    expect(summary(r.items)).toEqual([
      { key: 'oi-1', messages: 1, constraints: ['hard:punctuation:no_comma:registry', 'hard:keywords:existence:registry'] },
      { key: 'oi-2', messages: 1, constraints: ['hard:length_constraints:number_words:registry'] },
    ]);
    expect(r.items[0]!.constraints[1]!.check).toEqual({ by: 'registry', id: 'keywords:existence', kwargs: { keywords: ['umbrella'] } });
    const bad = r.bad.map(badRowMessage);
    expect(bad).toHaveLength(5);
    expect(bad[0]).toMatch(/open-instruct\.jsonl:3: dataset "gsm8k" is not open-instruct's IF verifier/);
    expect(bad[1]).toMatch(/:4: unknown instruction id "punctuation:no_comas"; nearest registered ids: punctuation:no_comma/);
    expect(bad[2]).toMatch(/:5: invalid JSON/);
    expect(bad[3]).toMatch(/:6: ground_truth is the old RLVR-IFeval \{"func_name": \.\.\.\} form/);
    expect(bad[4]).toMatch(/:7: constraint length_constraints:number_sentences: kwargs\.relation/);
  });
});

describe('readDataset: VerInstruct rows', () => {
  it('maps known rule shapes to registry ids, keeps the others as Python, reads [llm] texts statically', async () => {
    const r = await readDataset(fixture('verinstruct.jsonl'));
    expect(r.format).toBe('verinstruct');
    expect(summary(r.items)).toEqual([
      { key: 'vi-1', messages: 1, constraints: ['hard:No_Commas:registry', 'soft:Desired_Writing_Style:judge', 'hard:Number_Words:python'] },
      { key: 'vi-2', messages: 1, constraints: ['hard:Keywords:registry', 'soft:Tone:judge', 'soft:Format:judge'] },
    ]);
    const [vi1, vi2] = r.items;
    expect(vi1!.constraints[0]!.check).toEqual({ by: 'registry', id: 'punctuation:no_comma', kwargs: null });
    expect(vi1!.constraints[1]!.check).toEqual({ by: 'judge', instruction: 'Desired_Writing_Style: Answer in a playful tone.' });
    expect(vi1!.constraints[2]!.check).toMatchObject({ by: 'python', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(vi2!.constraints[0]!.check).toEqual({ by: 'registry', id: 'keywords:existence', kwargs: { keywords: ['routine'] } });
    expect(vi2!.constraints[1]!.check).toEqual({ by: 'judge', instruction: 'Keep a warm, supportive voice.' });
    // not a literal: the judge reads the checker's name
    expect(vi2!.constraints[2]!.check).toEqual({ by: 'judge', instruction: 'Format' });
    expect(r.untaggedCheckers).toBe(1);
    expect(r.bad.map(badRowMessage)).toEqual([expect.stringMatching(/verinstruct\.jsonl:3: VerInstruct row has 1 checkers but 0 functions/)]);
  });
});

describe('readDataset: ifkit rows', () => {
  it('reads prompt or messages, registry ids and soft texts; reports missing prompts, duplicate keys and bad kwargs', async () => {
    const r = await readDataset(fixture('ifkit.jsonl'));
    expect(r.format).toBe('ifkit');
    expect(summary(r.items)).toEqual([
      { key: 'k-1', messages: 1, constraints: ['hard:keywords:existence:registry', 'hard:change_case:english_lowercase:registry', 'soft:soft:instruction:judge', 'soft:topic:judge'] },
      { key: 'k-2', messages: 2, constraints: ['hard:punctuation:no_comma:registry'] },
    ]);
    expect(r.bad.map(badRowMessage)).toEqual([
      expect.stringMatching(/ifkit\.jsonl:3: ifkit row: prompt: give either prompt or messages/),
      expect.stringMatching(/ifkit\.jsonl:4: duplicate key "k-1" \(first at line 1\)/),
      expect.stringMatching(/ifkit\.jsonl:5: constraint length_constraints:number_words: kwargs\.num_words/),
    ]);
  });
});
