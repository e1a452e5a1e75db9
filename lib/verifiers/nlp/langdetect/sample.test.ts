import { describe, expect, it } from 'vitest';
import { createRng } from '../../../stats/rng';
import { appendText } from './clean';
import { createWindowScan, extractNgramRows, scanWindows } from './features';
import { profileModel } from './profiles';
import { ngramDraw } from './sample';

function prepare(text: string) {
  const model = profileModel();
  const cps = new Int32Array(10000);
  const scan = scanWindows(cps, appendText(text, cps), model, createWindowScan(10000));
  const list = new Int32Array(30000);
  const rows = Array.from(list.subarray(0, extractNgramRows(model, scan, list)));
  return { model, scan, rows };
}

/** Largest |observed - expected| / sd over the rows of Python's list, for `n` draws. */
function worstZ(draw: () => number, rows: number[], n: number): number {
  const expected = new Map<number, number>();
  for (const r of rows) expected.set(r, (expected.get(r) ?? 0) + 1 / rows.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = draw();
    if (!expected.has(r)) return Infinity; // a row Python would never draw
    seen.set(r, (seen.get(r) ?? 0) + 1);
  }
  let worst = 0;
  for (const [r, p] of expected) worst = Math.max(worst, Math.abs((seen.get(r) ?? 0) - n * p) / Math.sqrt(n * p * (1 - p)));
  return worst;
}

describe('ngramDraw', () => {
  it('draws by rejection with the frequencies of Python list (random.choice over _extract_ngrams)', () => {
    const { model, scan, rows } = prepare('The cat sat on the mat. THE END, said Anna.');
    expect(scan.candidateSlots).toBeGreaterThanOrEqual(0.75 * scan.positions); // the rejection path
    const draw = ngramDraw(model, scan, createRng(9))!;
    expect(worstZ(draw, rows, 40000)).toBeLessThan(5);
  });

  it('falls back to the list when few slots qualify, with the same frequencies', () => {
    const { model, scan, rows } = prepare('1234567890 0987654321 1234567890 0987654321 hi');
    expect(scan.candidateSlots).toBeLessThan(0.75 * scan.positions); // the list from the start
    expect(worstZ(ngramDraw(model, scan, createRng(9))!, rows, 20000)).toBeLessThan(5);
  });

  it('switches to the list midway when retries pile up (words in capitals), keeping the frequencies', () => {
    const { model, scan, rows } = prepare('THE CAT SAT ON THE MAT AND THE DOG SAT ON THE LOG');
    expect(scan.candidateSlots).toBeGreaterThanOrEqual(0.75 * scan.positions); // starts by rejection
    expect(worstZ(ngramDraw(model, scan, createRng(9))!, rows, 20000)).toBeLessThan(5);
    let calls = 0;
    const base = createRng(9);
    const draw = ngramDraw(model, scan, { ...base, next: () => (calls++, base.next()) })!;
    for (let i = 0; i < 1000; i++) draw();
    expect(calls).toBeLessThan(1200); // ~4 tries per draw before the switch, 1 after
  });

  it('returns null exactly when Python would find no features', () => {
    const { model, scan } = prepare('12345 ****** 😀');
    expect(ngramDraw(model, scan, createRng(0))).toBeNull();
  });
});
