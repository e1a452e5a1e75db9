import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../data/paths';
import { rolloutSeed } from '../../hppt/pilot';
import type { HpptReport } from '../../hppt/report';
import { labVerdicts } from '../../lab/tasks/first-task/checks';
import { promptText, type LabMeta } from '../../lab/tasks/first-task/world';
import type { Policy } from '../../model/policy';
import { parseIfLabel } from '../../rewards/if-label';
import { createRng } from '../../stats/rng';
import { initBackend } from '../../tensor/backend';
import { loadCheckpointPolicy } from './lab-serve';

/*
 * The real pipeline end to end on one machine, every step through bin/ifkit.js in a child process: train a tiny lab
 * policy (`ifkit lab grpo`), serve its checkpoint (`ifkit lab serve`), pilot a small dataset of lab prompts through it
 * over HTTP (`ifkit hppt pilot`), filter, export; then check the report against the lab's own rollouts: the same
 * seeded samples drawn in this process from the same checkpoint and scored by the lab's own checks.
 * Built on the first task (three hard constraints, rule-checked): the pipeline under test is the real-data one, and
 * its rule path needs no judge; the world's soft constraints through the server are tested in lib/server/safety.test.ts.
 */

const SEED = 5;
const N = 6;
const MAX_TOKENS = 14;
type Check = 'length' | 'keyword' | 'lowercase';
/**
 * Lab instances and the constraints each prompt is rewarded on (mixed difficulty, so the filter has work: a weak
 * policy rarely gets all three right). The last two ask for a word outside the vocabulary (spelled in bytes), which
 * no rollout writes.
 */
const LAB_PROMPTS: readonly (LabMeta & { checks: readonly Check[] })[] = [
  { topic: 'ocean', numWords: 3, keyword: 'coral', checks: ['keyword', 'lowercase'] },
  { topic: 'forest', numWords: 6, keyword: 'owl', checks: ['keyword', 'lowercase'] },
  { topic: 'city', numWords: 4, keyword: 'bus', checks: ['keyword'] },
  { topic: 'space', numWords: 5, keyword: 'moon', checks: ['length', 'lowercase'] },
  { topic: 'ocean', numWords: 4, keyword: 'tide', checks: ['length', 'keyword', 'lowercase'] },
  { topic: 'ocean', numWords: 5, keyword: 'shell', checks: ['length', 'keyword', 'lowercase'] },
  { topic: 'forest', numWords: 3, keyword: 'moss', checks: ['length', 'keyword', 'lowercase'] },
  { topic: 'garden', numWords: 3, keyword: 'rose', checks: ['length', 'keyword', 'lowercase'] },
  { topic: 'music', numWords: 4, keyword: 'zq', checks: ['keyword', 'lowercase'] },
  { topic: 'winter', numWords: 5, keyword: 'qx', checks: ['keyword'] },
];
/** The registry ids of each check; "exactly N words" is IFEval's "at least N" and "less than N + 1" (lib/lab/checks.ts). */
function row(m: (typeof LAB_PROMPTS)[number], i: number) {
  const ids: string[] = [];
  const kwargs: unknown[] = [];
  if (m.checks.includes('length')) {
    ids.push('length_constraints:number_words', 'length_constraints:number_words');
    kwargs.push({ num_words: m.numWords, relation: 'at least' }, { num_words: m.numWords + 1, relation: 'less than' });
  }
  if (m.checks.includes('keyword')) {
    ids.push('keywords:existence');
    kwargs.push({ keywords: [m.keyword] });
  }
  if (m.checks.includes('lowercase')) {
    ids.push('change_case:english_lowercase');
    kwargs.push(null);
  }
  return { key: `lab-${i}`, prompt: promptText(m), instruction_id_list: ids, kwargs };
}

let dir: string;
const ifkit = (args: string[], opts: { untilLine?: RegExp } = {}) => {
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'ifkit.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const line = new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = opts.untilLine?.exec(out);
      if (m) resolve(m[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`ifkit ${args.join(' ')} exited ${code}:\n${out}`))));
  });
  return { child, done: line, output: () => out };
};

let policy: Policy;
let serve: ReturnType<typeof ifkit> | undefined;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'ifkit-hppt-lab-'))));
afterAll(async () => {
  serve?.child.kill('SIGTERM');
  policy?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('HPPT end to end against a served lab checkpoint', () => {
  it('pilot → filter → export through the real CLI, numbers equal to the lab\'s own rollouts', async () => {
    await ifkit(['lab', 'grpo', '--config', join(__dirname, '..', '..', 'hppt', 'fixtures', 'lab-tiny.json'), '--out', join(dir, 'run'), '--cache', join(dir, 'cache'), '--quiet']).done;
    const checkpoint = join(dir, 'run', 'checkpoints', 'step-000001');
    serve = ifkit(['lab', 'serve', '--checkpoint', checkpoint, '--port', '0', '--model-name', 'lab'], { untilLine: /http:\/\/\S+\/v1/ });
    const baseURL = await serve.done;
    writeFileSync(join(dir, 'data.jsonl'), LAB_PROMPTS.map((m, i) => JSON.stringify(row(m, i))).join('\n') + '\n');

    const pilotDir = join(dir, 'pilot');
    const common = ['--server', baseURL, '--model', 'lab', '--n', String(N), '--max-tokens', String(MAX_TOKENS), '--temperature', '1', '--seed', String(SEED), '--quiet'];
    await ifkit(['hppt', 'pilot', join(dir, 'data.jsonl'), ...common, '--out', pilotDir]).done;
    await ifkit(['hppt', 'filter', join(dir, 'data.jsonl'), '--pilot', join(pilotDir, 'pilot.jsonl'), '--out', join(dir, 'refined')]).done;
    await ifkit(['hppt', 'export', join(dir, 'refined', 'refined.jsonl'), '--to', 'openrlhf', '--out', join(dir, 'train.jsonl')]).done;

    // The lab's own rollouts: the checkpoint sampled here with the seeds the pilot sent, scored by lib/lab/checks.
    await initBackend('wasm');
    policy = await loadCheckpointPolicy(checkpoint);
    const tok = policy.tokenizer;
    const own = await Promise.all(
      LAB_PROMPTS.map(async (m, i) => {
        const ids = [tok.bos, ...tok.encode(promptText(m))];
        const out = await policy.generate(Array.from({ length: N }, () => ids), { maxNewTokens: MAX_TOKENS, temperature: 1, stopTokens: [tok.eos], rng: createRng(rolloutSeed(SEED, `lab-${i}`, 0)) });
        const texts = out.map((c) => tok.decode(c));
        const verdicts = texts.map((t) => labVerdicts(t, m, 'registry'));
        return { key: `lab-${i}`, texts, rewards: verdicts.map((v) => (m.checks.every((c) => v[c]) ? 1 : 0)), verdicts, checks: m.checks };
      }),
    );
    const pilot = new Map(readFileSync(join(pilotDir, 'pilot.jsonl'), 'utf8').trim().split('\n').map((l) => {
      const r = JSON.parse(l) as { key: string; responses: string[]; rewards: number[] };
      return [r.key, r] as const;
    }));
    for (const o of own) {
      expect(pilot.get(o.key)!.responses).toEqual(o.texts);
      expect(pilot.get(o.key)!.rewards).toEqual(o.rewards);
    }

    const kept = own.filter((o) => o.rewards.some((r) => r > 0)).map((o) => o.key);
    const report = JSON.parse(readFileSync(join(dir, 'refined', 'report.json'), 'utf8')) as HpptReport;
    const scoredOn = (c: Check) => own.flatMap((o) => (o.checks.includes(c) ? o.verdicts : []));
    expect(report.before.prompts).toBe(LAB_PROMPTS.length);
    expect(report.after.prompts).toBe(kept.length);
    expect(report.dropped).toEqual({ 'never-rewarded': LAB_PROMPTS.length - kept.length, 'not-piloted': 0 });
    expect(report.pilot.rollouts).toBe(LAB_PROMPTS.length * N);
    expect(report.pilot.meanReward).toBeCloseTo(own.flatMap((o) => o.rewards).reduce((a: number, b: number) => a + b, 0) / (LAB_PROMPTS.length * N), 12);
    const rate = (type: string) => report.byType.find((t) => t.type === type)!.pilotPassRate;
    expect(rate('keywords:existence')).toBeCloseTo(scoredOn('keyword').filter((v) => v.keyword).length / scoredOn('keyword').length, 12);
    expect(rate('change_case:english_lowercase')).toBeCloseTo(scoredOn('lowercase').filter((v) => v.lowercase).length / scoredOn('lowercase').length, 12);
    // the filter has work to do: the out-of-vocabulary keywords are never written, and something survives
    expect(kept).not.toContain('lab-8');
    expect(kept).not.toContain('lab-9');
    expect(kept.length).toBeGreaterThan(0);

    const exported = readFileSync(join(dir, 'train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; label: string });
    expect(exported.map((e) => e.key)).toEqual(kept);
    const first = Number(kept[0]!.slice('lab-'.length));
    expect(parseIfLabel(exported[0]!.label).instructionIds).toEqual(row(LAB_PROMPTS[first]!, first).instruction_id_list);
  }, 300_000);
});
