import { describe, expect, it } from 'vitest';
import { startFakeChatServer } from '../../../judge/fake-chat-server';
import { WORLD_BASE } from './config';
import { constraintsOf, promptOf } from './instance';
import { createWorldJudge } from './judge';
import { auditWorldJudges } from './judge-audit';
import { scoreResponses } from './reward';

/*
 * Judges of the world measured by the judge-audit code on the world's responses (teacher responses to held-out
 * prompts: half of the soft constraints are violated), as every run measures its own judge.
 */

const audits = auditWorldJudges(['sim:noisy:recall_violation=0.306,recall_compliant=0.95', 'oracle', 'sim:lenient', 'learned'], { prompts: 1200, seed: 21 });
const audit = async (spec: string) => (await audits).find((a) => a.judge === spec)!.report;

describe('the judges of the world, audited', () => {
  it('a noisy judge set to recall .306 on violations is measured back within its interval', async () => {
    const r = await audit('sim:noisy:recall_violation=0.306,recall_compliant=0.95');
    const { tp, fn } = r.overall.confusion;
    const recall = r.overall.metrics.recallViolation;
    expect(tp + fn).toBeGreaterThan(200); // enough violations to measure (teacher responses violate about one soft constraint in eight)
    // A 95% interval misses the set value for one seed in twenty; the band here is 3.3 binomial sd (1 in 1,000),
    // and the audit's own interval must be about that wide (bootstrap over prompts ≈ binomial over violations).
    const sd = Math.sqrt((0.306 * 0.694) / (tp + fn));
    expect(Math.abs(recall.estimate - 0.306)).toBeLessThan(3.3 * sd);
    expect((recall.hi - recall.lo) / (2 * 1.96 * sd)).toBeGreaterThan(0.8);
    expect((recall.hi - recall.lo) / (2 * 1.96 * sd)).toBeLessThan(1.25);
    expect(r.overall.metrics.recallCompliant.estimate).toBeCloseTo(0.95, 1);
  });

  it('the oracle catches every violation; the lenient judge misses the ones behind its blind spots', async () => {
    expect((await audit('oracle')).overall.metrics.recallViolation.estimate).toBe(1);
    const lenient = await audit('sim:lenient');
    const cheer = lenient.byConstraint.find((s) => s.group === 'lab:cheerful')!;
    expect(cheer.metrics.recallViolation.estimate).toBeLessThan(0.9);
    expect(cheer.metrics.recallCompliant.estimate).toBe(1); // lenient: it never fails a compliant response
  });

  it('the learned judge is imprecise by itself: right more often than chance, wrong on some violations', async () => {
    const m = (await audit('learned')).overall.metrics;
    expect(m.accuracy.estimate).toBeGreaterThan(0.6);
    expect(m.recallViolation.estimate).toBeLessThan(0.97);
    expect(m.recallViolation.estimate).toBeGreaterThan(0.2);
  });
});

describe('a real LLM judge in the lab reward', () => {
  it('asks an OpenAI-compatible server one question per soft constraint, with the instruction text, and reads its answers', async () => {
    // a "model" that says a response is cheerful when it contains "sunny"
    const server = await startFakeChatServer((req) => ({ reply: req.content.includes('sound cheerful') && /Response\n[^\n]*sunny/.test(req.content) ? 'Yes' : 'No' }));
    try {
      const judge = createWorldJudge(`openai:tiny@${server.baseURL}`, { train: [], teacher: WORLD_BASE.teacher, learnedExamples: 1, seed: 1 });
      const inst = { topic: 'ocean', subject: 'whale', clauses: [{ type: 'include', param: 'shell' }, { type: 'cheerful' }] };
      const x = (response: string) => ({ prompt: promptOf(inst), response, constraints: constraintsOf(inst) });
      const scored = await scoreResponses([x('shell sunny reef'), x('shell storm reef')], { judge, aggregate: 'all', falseAccept: 0, seed: 1 });
      expect(scored.map((s) => s.judged)).toEqual([[null, true], [null, false]]);
      expect(scored.map((s) => s.reward)).toEqual([1, 0]);
      expect(server.requests).toHaveLength(2); // the hard constraint is never asked
      expect(server.requests[0]!.content).toContain('The response should sound cheerful.');
    } finally {
      await server.close();
    }
  });
});
