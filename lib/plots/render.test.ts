import { describe, expect, it } from 'vitest';
import { closeRenderer, renderFigure } from './render';
import type { Figure } from './figure';

const bars = (title: string): Figure => ({
  data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 1, 2], name: 'count' }],
  layout: { title: { text: title }, xaxis: { title: { text: 'letter' } }, yaxis: { title: { text: 'count' } } },
});

describe('renderFigure', () => {
  it('writes byte-identical SVG (and PNG) for the same figure, across renders and browser sessions', async () => {
    try {
      const first = (await renderFigure(bars('Letters'), { format: 'svg' })) as string;
      const second = (await renderFigure(bars('Letters'), { format: 'svg' })) as string;
      await closeRenderer();
      const fresh = (await renderFigure(bars('Letters'), { format: 'svg' })) as string;
      expect(first).toMatch(/id="clip[0-9a-f]{6}xyplot"/);
      expect(second).toBe(first);
      expect(fresh).toBe(first);
      // Another figure gets other ids (two SVGs inlined in one page must not share clip-path ids).
      const other = (await renderFigure(bars('Other letters'), { format: 'svg' })) as string;
      const idOf = (svg: string): string => /id="clip([0-9a-f]{6})xyplot"/.exec(svg)![1]!;
      expect(idOf(other)).not.toBe(idOf(first));
      const png = (await renderFigure(bars('Letters'), { format: 'png' })) as Buffer;
      expect(((await renderFigure(bars('Letters'), { format: 'png' })) as Buffer).equals(png)).toBe(true);
    } finally {
      await closeRenderer();
    }
  }, 120_000);
});
