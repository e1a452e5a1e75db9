import type { Judge, JudgeConstraint, JudgeVerdict } from './types';

/*
 * A learned judge: one logistic-regression classifier per constraint id over the words of the response (presence,
 * not counts) and each word paired with the constraint's string kwargs ("ocean|whale" for a topic), trained on a
 * few hundred labelled responses. It is imprecise by itself, the way a small reward model is: words it never saw
 * weigh nothing, and a word seen only in passing responses can carry a violating one through. Training is full-batch
 * gradient descent from zero weights, so the same examples give the same judge.
 */

/** One training example: a constraint, a response and the truth. */
export interface LabelledJudgement {
  readonly id: string;
  readonly kwargs?: Readonly<Record<string, unknown>>;
  readonly response: string;
  readonly truth: boolean;
}

export interface LearnedJudgeOptions {
  /** Gradient steps (default 300). */
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 penalty on the weights, not the bias (default 1e-3). */
  readonly l2?: number;
}

interface Classifier {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

/** The features of a response under a constraint: its words, and each word keyed by every string kwarg. */
export function judgeFeatures(response: string, kwargs: Readonly<Record<string, unknown>> = {}): string[] {
  const words = [...new Set((response.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase()))];
  const keys = Object.values(kwargs).filter((v): v is string => typeof v === 'string');
  return [...words, ...keys.flatMap((k) => words.map((w) => `${k}|${w}`))];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function train(rows: readonly { features: string[]; truth: boolean }[], o: Required<LearnedJudgeOptions>): Classifier {
  const weights = new Map<string, number>();
  let bias = 0;
  const n = rows.length;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const grad = new Map<string, number>();
    let gBias = 0;
    for (const r of rows) {
      const z = bias + r.features.reduce((s, f) => s + (weights.get(f) ?? 0), 0);
      const err = sigmoid(z) - (r.truth ? 1 : 0);
      gBias += err;
      for (const f of r.features) grad.set(f, (grad.get(f) ?? 0) + err);
    }
    bias -= (o.learningRate * gBias) / n;
    for (const f of new Set([...weights.keys(), ...grad.keys()])) {
      const w = weights.get(f) ?? 0;
      weights.set(f, w - o.learningRate * ((grad.get(f) ?? 0) / n + o.l2 * w));
    }
  }
  return { bias, weights };
}

/** P(followed) of a response under a trained classifier. */
function score(c: Classifier, features: readonly string[]): number {
  return sigmoid(c.bias + features.reduce((s, f) => s + (c.weights.get(f) ?? 0), 0));
}

/**
 * Train a learned judge on labelled responses; it judges the ids it was trained on and says 'invalid' for others.
 * @example const judge = trainLearnedJudge(examples); await judge.judge({ prompt, response, constraints })
 */
export function trainLearnedJudge(examples: readonly LabelledJudgement[], opts: LearnedJudgeOptions = {}): Judge & { readonly trainedOn: ReadonlyMap<string, number> } {
  const o: Required<LearnedJudgeOptions> = { epochs: 300, learningRate: 1, l2: 1e-3, ...opts };
  const byId = new Map<string, { features: string[]; truth: boolean }[]>();
  for (const e of examples) {
    const rows = byId.get(e.id) ?? [];
    rows.push({ features: judgeFeatures(e.response, e.kwargs), truth: e.truth });
    byId.set(e.id, rows);
  }
  const classifiers = new Map([...byId].map(([id, rows]) => [id, train(rows, o)]));
  const verdict = (response: string, c: JudgeConstraint): JudgeVerdict => {
    const clf = classifiers.get(c.id);
    return clf === undefined ? 'invalid' : score(clf, judgeFeatures(response, c.kwargs)) >= 0.5;
  };
  return {
    name: `learned(n=${examples.length})`,
    trainedOn: new Map([...byId].map(([id, rows]) => [id, rows.length])),
    judge: async (req) => req.constraints.map((c) => verdict(req.response, c)),
  };
}
