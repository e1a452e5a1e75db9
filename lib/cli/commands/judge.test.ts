import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataPath } from '../../data/paths';
import { startFakeChatServer } from '../../judge/fake-chat-server';
import { registerJudgeCommand } from './judge';

const PROMPTS = dataPath('ifeval/input_data_gpt4_20231107_145030.jsonl');
const RESPONSES = dataPath('ifeval/input_response_data_gpt4_20231107_145030.jsonl');

async function runCli(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerJudgeCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'ifkit', 'judge', 'audit', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

interface Metric {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
}
interface AuditJson {
  counts: { prompts: number; constraints: number };
  overall: { confusion: { tp: number; fn: number; fp: number; tn: number }; metrics: Record<string, Metric> };
  byCategory: { group: string }[];
  requests?: { asked: number; cacheHits: number };
}
const readAudit = (dir: string): AuditJson => JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as AuditJson;

describe('ifkit judge audit on the IFEval GPT-4 responses (truth: the 25 upstream checkers, strict)', () => {
  it('sim:noisy at recall_violation=0.3 reports a recall on violations whose 95% CI contains 0.3', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ifkit-audit-'));
    const printed = await runCli(['--input', PROMPTS, '--responses', RESPONSES, '--judge', 'sim:noisy:recall_violation=0.3,recall_compliant=0.95', '--out', out, '--resamples', '500']);
    const audit = readAudit(out);
    // 541 prompts, 834 instructions, 698 followed (strict): the official counts.
    expect(audit.counts).toMatchObject({ prompts: 541, constraints: 834 });
    const { tp, fn, fp, tn } = audit.overall.confusion;
    expect([tp + fn, fp + tn]).toEqual([136, 698]);
    const recall = audit.overall.metrics.recallViolation!;
    expect(recall.lo!).toBeLessThanOrEqual(0.3);
    expect(recall.hi!).toBeGreaterThanOrEqual(0.3);
    // The issue asks only for the violation recall's CI. Two 95% intervals both covering fails one seed in ten, so
    // the compliant recall is held to a binomial 3.3-sigma band instead (698 draws at 0.95: sd 0.0082).
    const sd = Math.sqrt((0.95 * 0.05) / 698);
    expect(Math.abs(audit.overall.metrics.recallCompliant!.estimate! - 0.95)).toBeLessThan(3.3 * sd);
    expect(audit.byCategory.map((c) => c.group)).toContain('length_constraints');
    expect(readFileSync(join(out, 'verdicts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(834);
    expect(printed).toMatch(/recall_viol/);
  });

  it('sim:always-yes reports a recall on violations of 0 and an undefined (null) precision', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ifkit-audit-'));
    await runCli(['--input', PROMPTS, '--responses', RESPONSES, '--judge', 'sim:always-yes', '--out', out, '--resamples', '200']);
    const m = readAudit(out).overall.metrics;
    expect(m.recallViolation).toEqual({ estimate: 0, lo: 0, hi: 0 });
    expect(m.precisionViolation!.estimate).toBeNull();
    expect(m.kappa!.estimate).toBe(0);
  });
});

describe('ifkit judge audit --labels', () => {
  it('takes the truth from a label file and judges only the labelled constraints', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ifkit-audit-'));
    const labels = join(out, 'labels.jsonl');
    // key 1000 has [no_comma, number_highlighted_sections, number_words]; the labels disagree with the rules on purpose
    writeFileSync(
      labels,
      '{"key": 1000, "instruction_index": 0, "instruction_id": "punctuation:no_comma", "followed": false}\n' +
        '{"key": 1000, "instruction_index": 2, "instruction_id": "length_constraints:number_words", "followed": true}\n',
    );
    await runCli(['--input', PROMPTS, '--responses', RESPONSES, '--judge', 'sim:always-yes', '--labels', labels, '--out', out, '--resamples', '50']);
    const audit = readAudit(out) as AuditJson & { truth: string };
    expect(audit.truth).toBe(`labels from ${labels}`);
    expect(audit.counts).toMatchObject({ prompts: 1, constraints: 2 });
    expect(audit.overall.confusion).toMatchObject({ tp: 0, fn: 1, fp: 0, tn: 1 });
  });
});

describe('ifkit judge audit against an OpenAI-compatible server', () => {
  let server: Awaited<ReturnType<typeof startFakeChatServer>>;
  let malformed = 0;
  beforeAll(async () => {
    // Says No to constraints about commas, rambles (unparseable) about words, Yes otherwise, and fails every 7th request with a 503.
    server = await startFakeChatServer((req, i) => {
      if (i % 7 === 3) return { status: 503 };
      const constraint = req.content.split('### Constraint to check')[1] ?? '';
      if (/\bwords?\b/i.test(constraint)) {
        malformed++;
        return { reply: 'It is hard to say without counting carefully.' };
      }
      return { reply: /comma/i.test(constraint) ? 'No' : 'Yes' };
    });
  });
  afterAll(() => server.close());

  it('judges per constraint, retries, writes the audit, and a rerun asks nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifkit-audit-'));
    const prompts = join(dir, 'prompts.jsonl');
    writeFileSync(prompts, readFileSync(PROMPTS, 'utf8').split('\n').slice(0, 5).join('\n') + '\n');
    const spec = `openai:judge-test@${server.baseURL}`;
    const args = ['--input', prompts, '--responses', RESPONSES, '--judge', spec, '--out', dir, '--resamples', '100', '--max-retries', '2', '--timeout-ms', '2000'];
    await runCli(args);
    const first = readAudit(dir);
    const n = first.counts.constraints;
    expect(first.requests).toMatchObject({ asked: n, cacheHits: 0 });
    const asked = server.requests.length;
    expect(asked).toBeGreaterThan(n); // the scripted 503s were retried
    // every unparseable reply is an invalid verdict, none a pass
    const { invalidViolation, invalidCompliant } = first.overall.confusion as unknown as { invalidViolation: number; invalidCompliant: number };
    expect(malformed).toBeGreaterThan(0);
    expect(invalidViolation + invalidCompliant).toBe(malformed);
    expect(first.overall.metrics.invalidRate!.estimate).toBeCloseTo(malformed / n, 12);
    await runCli(args);
    expect(readAudit(dir).requests).toMatchObject({ asked: 0, cacheHits: n });
    expect(server.requests.length).toBe(asked);
  });

  it('stops at the first request that fails for good, writes nothing, and says how to resume', async () => {
    const refusing = await startFakeChatServer((_, i) => (i < 3 ? { reply: 'Yes' } : { status: 400 }));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'ifkit-audit-'));
      const args = ['--input', PROMPTS, '--responses', RESPONSES, '--judge', `openai:judge-test@${refusing.baseURL}`, '--out', dir, '--concurrency', '1'];
      await expect(runCli(args)).rejects.toThrow(/judge audit stopped: judge request failed .*http-400[\s\S]*nothing was written; 3 replies are cached in .*judge-cache\.jsonl: rerun the same command to resume/);
      expect(refusing.requests).toHaveLength(4);
      expect(existsSync(join(dir, 'audit.json'))).toBe(false);
    } finally {
      await refusing.close();
    }
  });
});
