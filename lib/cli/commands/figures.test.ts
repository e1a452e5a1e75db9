import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerFiguresCommand } from './figures';

/** PNG width and height from the IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('ifkit figures', () => {
  it('writes an SVG with the axis titles and a PNG of the requested size', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ifkit-fig-'));
    const log: string[] = [];
    const orig = console.log;
    console.log = (...a: unknown[]) => void log.push(a.join(' '));
    try {
      const program = new Command('ifkit');
      registerFiguresCommand(program);
      await program.parseAsync(['node', 'ifkit', 'figures', '--only', 'ifeval-categories', '--out', out, '--width', '640', '--height', '360']);
    } finally {
      console.log = orig;
    }
    expect(readdirSync(out).sort()).toEqual(['ifeval-categories.png', 'ifeval-categories.svg']);
    const svg = readFileSync(join(out, 'ifeval-categories.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>category</text>');
    expect(svg).toContain('>instructions</text>');
    expect(svg).toContain('IFEval: instructions per category');
    expect(pngSize(readFileSync(join(out, 'ifeval-categories.png')))).toEqual([640, 360]);
    expect(log.join('\n')).toMatch(/\[1\/1\] ifeval-categories\.svg\/\.png/);
  }, 120_000);
});
