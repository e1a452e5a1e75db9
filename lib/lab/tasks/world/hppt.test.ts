import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORLD_SMOKE } from '../../configs/world';
import { patch } from '../../patch';
import { initBackend } from '../../../tensor/backend';
import { pilotOrder, pilotSteps } from './hppt';
import { runWorld } from './run';

/*
 * The lab's HPPT pilot reads its pool in epochs (each prompt once per pass, in a seeded order per pass), so a pilot
 * of two passes gives every prompt two groups of rollouts and no prompt is dropped for never being drawn.
 */

describe("the HPPT pilot's prompt order", () => {
  it('visits every prompt once per epoch, in a new seeded order each epoch, and a fresh reader continues it', () => {
    const at = pilotOrder(50, 7);
    const epoch = (e: number): number[] => Array.from({ length: 50 }, (_, i) => at(e * 50 + i));
    const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
    const all = Array.from({ length: 50 }, (_, i) => i);
    expect(sorted(epoch(0))).toEqual(all);
    expect(sorted(epoch(1))).toEqual(all);
    expect(epoch(1)).not.toEqual(epoch(0));
    // a resumed pilot knows only how many prompts it drew: it asks for draw 75 first
    expect(pilotOrder(50, 7)(75)).toBe(at(75));
    expect(epoch(0)).not.toEqual(Array.from({ length: 50 }, (_, i) => pilotOrder(50, 8)(i)));
  });

  it('runs pilotEpochs passes: 2 × 400 prompts / 8 per step = 100 steps', () => {
    expect(pilotSteps(patch(WORLD_SMOKE, { hppt: { pilotEpochs: 2 }, grpo: { promptsPerStep: 8 } }), 400)).toBe(100);
    expect(pilotSteps(patch(WORLD_SMOKE, { hppt: { pilotEpochs: 2 }, grpo: { promptsPerStep: 8 } }), 401)).toBe(101);
  });

  it('a smoke-size pilot of 2 passes scores every prompt of the pool in exactly 2 groups', async () => {
    await initBackend('wasm');
    const out = mkdtempSync(join(tmpdir(), 'ifkit-hppt-'));
    const config = patch(WORLD_SMOKE, { data: { trainSize: 40 }, hppt: { pilotEpochs: 2 }, grpo: { steps: 2 } });
    const { policy } = await runWorld(config, out);
    policy.dispose();
    const { report, pilot } = JSON.parse(readFileSync(join(out, 'hppt-report.json'), 'utf8'));
    expect(pilot.steps).toBe(20); // 2 × 40 / 4 prompts per step
    expect(report.pilot).toMatchObject({ results: 40, matched: 40, rollouts: 2 * 40 * config.grpo.groupSize });
    expect(report.dropped['not-piloted'] ?? 0).toBe(0);
  }, 120_000);
});
