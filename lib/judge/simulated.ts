import { createHash } from 'node:crypto';
import { createRng } from '../stats/rng';
import { passes } from '../verifiers/types';
import { type BlindSpot, LENIENT_BLIND_SPOTS } from './blind-spots';
import type { Judge, JudgeConstraint, JudgeRequest, JudgeVerdict } from './types';

function truthOf(c: JudgeConstraint, judgeName: string): boolean {
  if (c.ruleVerdict === undefined) {
    throw new Error(`${judgeName} needs the rule verdict of constraint ${c.id} (ruleVerdict) to simulate a judge; use a real judge for constraints without a checker`);
  }
  // Upstream scoring counts 'unverifiable' as followed; the simulation sees the same truth.
  return passes(c.ruleVerdict);
}

/**
 * A uniform draw in [0, 1) fixed by (seed, prompt, response, constraint): the same question gets the same answer
 * whatever the order, batching or concurrency of the run.
 */
function drawFor(seed: number, req: JudgeRequest, index: number, salt: string): number {
  const c = req.constraints[index]!;
  const digest = createHash('sha256').update(JSON.stringify([seed, salt, req.prompt, req.response, index, c.id, c.instruction])).digest();
  return createRng(digest.readInt32LE(0)).next();
}

export interface NoisyJudgeOptions {
  /** P(judge says "violated" | truly violated): the paper's recall on false responses. */
  readonly recallViolation: number;
  /** P(judge says "followed" | truly followed). */
  readonly recallCompliant: number;
  /** P(an unparseable reply), drawn before the verdict (default 0). */
  readonly invalidRate?: number;
  readonly seed?: number;
  /** A name for reports (default: the spec with its recalls). */
  readonly label?: string;
}

function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new Error(`sim:noisy: ${name} must be a probability in [0, 1], got ${p}`);
}

/**
 * A judge that knows the truth and reports it with the given recalls on violations and on compliant responses.
 * @example createNoisyJudge({ recallViolation: 0.306, recallCompliant: 0.95, seed: 0 })
 */
export function createNoisyJudge(opts: NoisyJudgeOptions): Judge {
  const { recallViolation, recallCompliant, invalidRate = 0, seed = 0 } = opts;
  checkProbability('recall_violation', recallViolation);
  checkProbability('recall_compliant', recallCompliant);
  checkProbability('invalid_rate', invalidRate);
  const name =
    opts.label ?? `sim:noisy(recall_violation=${recallViolation},recall_compliant=${recallCompliant}${invalidRate ? `,invalid_rate=${invalidRate}` : ''})`;
  return {
    name,
    judge: async (req) =>
      req.constraints.map((c, i): JudgeVerdict => {
        const truth = truthOf(c, name);
        if (invalidRate > 0 && drawFor(seed, req, i, 'invalid') < invalidRate) return 'invalid';
        const correct = drawFor(seed, req, i, 'verdict') < (truth ? recallCompliant : recallViolation);
        return correct ? truth : !truth;
      }),
  };
}

/**
 * A judge that is right except on its blind spots (LENIENT_BLIND_SPOTS by default), where it answers by a
 * shallow rule a policy can exploit.
 * @example createLenientJudge().judge({ prompt, response, constraints })
 */
export function createLenientJudge(blindSpots: readonly BlindSpot[] = LENIENT_BLIND_SPOTS): Judge {
  const name = 'sim:lenient';
  return {
    name,
    judge: async (req) =>
      req.constraints.map((c) => {
        const spot = blindSpots.find((s) => s.applies(c));
        return spot ? spot.verdict(req.response, c) : truthOf(c, name);
      }),
  };
}

/** A perfect judge: it answers the truth (rule verdict or oracle). The ceiling of the audit, the lab's precise reward. */
export function createOracleJudge(): Judge {
  const name = 'sim:oracle';
  return { name, judge: async (req) => req.constraints.map((c) => truthOf(c, name)) };
}

/** A judge that passes everything: the floor of the audit (recall on violations 0). */
export function createAlwaysYesJudge(): Judge {
  return { name: 'sim:always-yes', judge: async (req) => req.constraints.map(() => true) };
}
