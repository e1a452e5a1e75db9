import { describe, expect, it } from 'vitest';
import { registryConstraint, softText } from './constraints';
import { learnabilityFilter } from './filter';
import type { PilotResult } from './pilot-results';
import { buildReport } from './report';
import { formatReport } from './report-text';
import { simplifySoft } from './simplify';
import type { HpptItem } from './types';

const origin = { file: 'd.jsonl', line: 1, format: 'ifkit' as const };
const item = (key: string, prompt: string, constraints: HpptItem['constraints']): HpptItem => ({ key, messages: [{ role: 'user', content: prompt }], constraints, origin });
const noComma = registryConstraint('punctuation:no_comma', null);
const lower = registryConstraint('change_case:english_lowercase', null);
const calm = softText('Sound calm.');
const tide = softText('Mention the tide.', 'topic');
const brief = softText('Be brief.');

const ITEMS = [
  item('a', 'Hi. Sound calm. Mention the tide. Be brief.', [noComma, calm, tide, brief]),
  item('b', 'Hello.', [noComma, lower]),
  item('c', 'Hey. Sound calm.', [calm]),
  item('d', 'Yo.', [lower, calm, tide]),
  item('e', 'Never piloted.', [noComma]),
];
const PILOT = new Map<string, PilotResult>([
  ['a', { key: 'a', rewards: [0, 1, 0, 0], passed: [[true, false, true, true], [true, true, true, true], [false, true, true, true], [false, false, false, false]] }],
  ['b', { key: 'b', rewards: [0, 0, 0, 0], passed: [[true, false], [true, false], [false, false], [true, false]] }],
  ['c', { key: 'c', rewards: [0.5, 0] }],
  ['d', { key: 'd', rewards: [1, 1] }],
  ['zzz', { key: 'zzz', rewards: [1] }],
]);

describe('learnabilityFilter', () => {
  it('keeps prompts rewarded above 0 at least once, drops never-rewarded and unpiloted ones, records the pilot', () => {
    const r = learnabilityFilter(ITEMS, PILOT);
    expect(r.kept.map((i) => i.key)).toEqual(['a', 'c', 'd']);
    expect(r.dropped.map((d) => [d.item.key, d.reason])).toEqual([['b', 'never-rewarded'], ['e', 'not-piloted']]);
    expect(r.kept[0]!.hppt?.pilot).toEqual({ rollouts: 4, maxReward: 1, meanReward: 0.25 });
    expect(learnabilityFilter(ITEMS, PILOT, { minReward: 0.5 }).kept.map((i) => i.key)).toEqual(['a', 'd']);
    expect(learnabilityFilter(ITEMS, PILOT, { keepUnpiloted: true }).kept.map((i) => i.key)).toEqual(['a', 'c', 'd', 'e']);
  });
});

describe('simplifySoft', () => {
  it('keeps one seeded soft constraint per prompt, records the rest whole, leaves hard ones alone', () => {
    const r = simplifySoft(ITEMS, { seed: 0 });
    expect(r.simplified).toBe(2);
    expect(r.softDropped).toBe(3);
    const a = r.items[0]!;
    expect(a.constraints.filter((c) => c.kind === 'hard')).toEqual([noComma]);
    expect(a.constraints.filter((c) => c.kind === 'soft')).toHaveLength(1);
    expect([a.hppt!.softKept, ...a.hppt!.softDropped!].map((c) => c!.check)).toEqual(expect.arrayContaining([calm.check, tide.check, brief.check]));
    expect(r.items[2]!.hppt).toEqual({ softKept: calm, softDropped: [] });
    expect(r.items[1]!.hppt).toEqual({ softKept: null, softDropped: [] });
    // the draw depends on (seed, key) only: the same after reordering, different for other seeds somewhere
    const reversed = simplifySoft([...ITEMS].reverse(), { seed: 0 }).items.reverse();
    expect(reversed.map((i) => i.hppt!.softKept)).toEqual(r.items.map((i) => i.hppt!.softKept));
    const kept = (seed: number) => simplifySoft(ITEMS, { seed }).items.map((i) => i.hppt!.softKept?.check);
    expect([1, 2, 3, 4, 5, 6].some((s) => JSON.stringify(kept(s)) !== JSON.stringify(kept(0)))).toBe(true);
    // all three texts of 'a' are still in its prompt, both dropped ones of 'd' are not (its prompt is "Yo.")
    expect(r.textLeft).toBe(2);
  });

  it('cuts dropped texts out of the prompt when asked', () => {
    const r = simplifySoft(ITEMS, { seed: 0, removeText: true });
    const a = r.items[0]!;
    const keptText = a.hppt!.softKept!.check.by === 'judge' ? a.hppt!.softKept!.check.instruction : '';
    expect(a.messages[0]!.content).toBe(`Hi. ${keptText}`);
    expect(a.hppt!.promptEdited).toBe(true);
    expect([r.textRemoved, r.textLeft]).toEqual([2, 0]);
  });
});

describe('buildReport', () => {
  it('counts before and after, by reason and by constraint type, with the pilot pass rate per type', () => {
    const filter = learnabilityFilter(ITEMS, PILOT);
    const simplify = simplifySoft(filter.kept, { seed: 0 });
    const read = { file: 'd.jsonl', format: 'ifkit' as const, items: ITEMS, bad: [{ file: 'd.jsonl', line: 9, reason: 'invalid JSON' }], untaggedCheckers: 0, rows: 6 };
    const r = buildReport({ read, pilot: { results: PILOT, bad: [] }, filter, simplify, seed: 0 });
    expect(r.input).toEqual({ file: 'd.jsonl', format: 'ifkit', rows: 6, items: 5, badRows: 1, untaggedCheckers: 0 });
    // rollouts of the 4 piloted known prompts: 4 + 4 + 2 + 2
    expect(r.pilot).toEqual({ results: 5, matched: 4, unmatched: 1, badRows: 0, rollouts: 12, meanReward: 3.5 / 12 });
    expect(r.before).toEqual({ prompts: 5, constraints: 11, hard: 5, soft: 6, python: 0, hardOnlyPrompts: 2, promptsWithSeveralSoft: 2 });
    expect(r.afterFilter).toEqual({ prompts: 3, constraints: 8, hard: 2, soft: 6, python: 0, hardOnlyPrompts: 0, promptsWithSeveralSoft: 2 });
    expect(r.after).toEqual({ prompts: 3, constraints: 5, hard: 2, soft: 3, python: 0, hardOnlyPrompts: 0, promptsWithSeveralSoft: 0 });
    expect(r.dropped).toEqual({ 'never-rewarded': 1, 'not-piloted': 1 });
    const byType = Object.fromEntries(r.byType.map((t) => [t.type, t]));
    // no comma: a (4 rollouts: T T F F) and b (T T F T) → 5 / 8
    expect(byType['punctuation:no_comma']).toEqual({ type: 'punctuation:no_comma', kind: 'hard', check: 'punctuation:no_comma', before: 3, afterFilter: 1, after: 1, pilotPassRate: 5 / 8 });
    // lowercase: b (all F); d has no per-constraint verdicts → 0 / 4
    expect(byType['change_case:english_lowercase']!.pilotPassRate).toBe(0);
    expect(byType['soft:instruction']).toMatchObject({ kind: 'soft', check: 'judge', before: 4, afterFilter: 4 });
    expect(byType['topic']).toMatchObject({ before: 2, afterFilter: 2 });
    expect(r.badRowSamples).toEqual(['d.jsonl:9: invalid JSON']);
    expect(formatReport(r)).toMatch(/dropped: 1 never rewarded above 0, 1 not piloted/);
  });
});
