import { describe, expect, it } from 'vitest';
import { panelAxes, panelLayout } from './panels';

describe('panel grid', () => {
  it('names the axes of panel i as plotly does', () => {
    expect(panelAxes(0)).toEqual({ xaxis: 'x', yaxis: 'y' });
    expect(panelAxes(4)).toEqual({ xaxis: 'x5', yaxis: 'y5' });
  });

  it('lays 5 panels out 3 to a row, x titles under the bottom panels, y titles on the left column, one y range', () => {
    const l = panelLayout(['a', 'b', 'c', 'd', 'e'], { title: 't', xTitle: 'step', yTitle: 'rate', yRange: [0, 1] });
    expect(l.grid).toMatchObject({ rows: 2, columns: 3, pattern: 'independent' });
    // Bottom: d and e (row 2), and c, which has no panel under it.
    const xTitled = ['xaxis', 'xaxis2', 'xaxis3', 'xaxis4', 'xaxis5'].filter((k) => (l[k] as { title?: unknown }).title !== undefined);
    expect(xTitled).toEqual(['xaxis3', 'xaxis4', 'xaxis5']);
    const yTitled = ['yaxis', 'yaxis2', 'yaxis3', 'yaxis4', 'yaxis5'].filter((k) => (l[k] as { title?: unknown }).title !== undefined);
    expect(yTitled).toEqual(['yaxis', 'yaxis4']);
    expect((l.yaxis5 as { range: number[] }).range).toEqual([0, 1]);
    const notes = l.annotations as { text: string; xref: string; yref: string }[];
    expect(notes.map((a) => a.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(notes[1]).toMatchObject({ xref: 'x2 domain', yref: 'y2 domain' });
    expect(l.height).toBe(180 + 2 * 220);
  });

  it('never makes more columns than panels', () => {
    expect(panelLayout(['only'], { title: 't', xTitle: 'x', yTitle: 'y', columns: 4 }).grid).toMatchObject({ rows: 1, columns: 1 });
  });
});
