import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../stats/rng';
import { DETECTOR, gaussian, languageProbabilities } from './detector';
import { profileFromArrays } from './profile-json';
import { buildProfileModel } from './profiles';

/** A generator that replays fixed uniforms (enough for Box–Muller by hand). */
function replay(values: number[]): Rng {
  let i = 0;
  const rng = createRng(0);
  return { ...rng, next: () => values[i++ % values.length]! };
}

describe('gaussian (random.gauss by Box–Muller)', () => {
  it('returns cos then the cached sin of one pair', () => {
    // u1 = 0.25: angle pi/2; u2 = 0.5: radius sqrt(-2 ln 0.5) = 1.177410...
    const gauss = gaussian(replay([0.25, 0.5]));
    expect(gauss()).toBeCloseTo(0, 12);
    expect(gauss()).toBeCloseTo(1.1774100225154747, 12);
  });

  it('has mean 0 and variance 1 over 20000 draws (4 standard errors)', () => {
    const gauss = gaussian(createRng(3));
    const xs = Array.from({ length: 20000 }, gauss);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(20000));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / 20000));
  });
});

// Three languages; 'a' is most likely in xx, 'b' in yy, 'c' is shared evenly.
const model = buildProfileModel([
  profileFromArrays('xx', ['a', 'b', 'c'], [6, 1, 3], [10, 10, 10]),
  profileFromArrays('yy', ['a', 'b', 'c'], [2, 5, 3], [10, 10, 10]),
  profileFromArrays('zz', ['c'], [3], [10, 10, 10]),
]);
const row = (g: string): number => model.grams.indexOf(g);

/** Python's loop verbatim: every language multiplied by (alpha / BASE_FREQ + P). */
function pythonReference(draws: number[], seed: number): number[] {
  const gauss = gaussian(createRng(seed));
  const dense = (r: number): number[] => {
    const p = [0, 0, 0];
    for (let k = model.rowStart[r]!; k < model.rowStart[r + 1]!; k++) p[model.langIndex[k]!] = model.prob[k]!;
    return p;
  };
  const total = [0, 0, 0];
  let d = 0;
  for (let t = 0; t < DETECTOR.nTrial; t++) {
    let prob = [1 / 3, 1 / 3, 1 / 3];
    const weight = (DETECTOR.alphaDefault + gauss() * DETECTOR.alphaWidth) / DETECTOR.baseFreq;
    for (let i = 0; ; i++) {
      const p = dense(draws[d++ % draws.length]!);
      prob = prob.map((x, j) => x * (weight + p[j]!));
      if (i % 5 === 0) {
        const sum = prob.reduce((a, b) => a + b, 0);
        prob = prob.map((x) => x / sum);
        if (Math.max(...prob) > DETECTOR.convThreshold || i >= DETECTOR.iterationLimit) break;
      }
    }
    prob.forEach((x, j) => (total[j]! += x / DETECTOR.nTrial));
  }
  return total;
}

function cyclic(rows: number[]): { draw: () => number; count: () => number } {
  let d = 0;
  return { draw: () => rows[d++ % rows.length]!, count: () => d };
}

describe('languageProbabilities (the 7 trials)', () => {
  it('equals Python dense update for the same draws (the alpha/10000 factor cancels at normalisation)', () => {
    const draws = [row('c'), row('a'), row('b'), row('a'), row('c'), row('a'), row('a')];
    const ours = languageProbabilities(model, cyclic(draws).draw, createRng(11));
    const reference = pythonReference(draws, 11);
    ours.forEach((p, j) => expect(p).toBeCloseTo(reference[j]!, 12));
    expect(ours[0]).toBeGreaterThan(0.99);
  });

  it('stops each trial at the iteration limit when nothing converges (1001 draws, checks at i % 5 == 0)', () => {
    const draws = cyclic([row('c')]); // shared evenly by all three: stays at 1/3 each
    const prob = languageProbabilities(model, draws.draw, createRng(1));
    expect(draws.count()).toBe(7 * 1001);
    prob.forEach((p) => expect(p).toBeCloseTo(1 / 3, 12));
  });

  it('with stopWhenDecided, skips trials once the leader is out of reach, keeping the same winner', () => {
    const full = cyclic([row('a')]);
    const early = cyclic([row('a')]);
    const all = languageProbabilities(model, full.draw, createRng(5));
    const partial = languageProbabilities(model, early.draw, createRng(5), true);
    expect(early.count()).toBeLessThan(full.count());
    expect(all.indexOf(Math.max(...all))).toBe(0);
    expect(partial.indexOf(Math.max(...partial))).toBe(0);
    // After 4 converged trials xx holds about 4/7 and no other language can pass it with the 3 left.
    expect(partial[0]).toBeCloseTo(4 / 7, 4);
  });
});
