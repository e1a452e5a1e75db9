import { describe, expect, it } from 'vitest';
import { attentionHeadsFigure, spanBarsFigure, tokenAttentionFigure } from './attention';

const ci = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi });

describe('attentionHeadsFigure', () => {
  const cells = [
    [ci(0.2, 0.1, 0.3), ci(NaN, NaN, NaN)],
    [ci(-0.1, -0.2, -0.05), ci(0.05, -0.01, 0.1)],
  ];

  it('draws a layer × head heatmap with each CI in the hover, NaN as a gap', () => {
    const fig = attentionHeadsFigure(cells, { title: 't', metric: 'mass on constraint', kind: 'level' });
    const trace = fig.data[0]!;
    expect(trace).toMatchObject({ type: 'heatmap', x: ['h0', 'h1'], y: ['L0', 'L1'], z: [[0.2, null], [-0.1, 0.05]], colorscale: 'Viridis' });
    expect(trace.customdata).toEqual([
      [
        [0.1, 0.3],
        [null, null],
      ],
      [
        [-0.2, -0.05],
        [-0.01, 0.1],
      ],
    ]);
    expect(trace.zmid).toBeUndefined();
    expect((fig.layout.yaxis as { autorange: string }).autorange).toBe('reversed');
  });

  it('draws after − before on diverging colours centred on 0, dotting cells whose CI excludes 0', () => {
    const fig = attentionHeadsFigure(cells, { title: 't', metric: 'mass', kind: 'difference' });
    expect(fig.data[0]).toMatchObject({ colorscale: 'RdBu', reversescale: true, zmid: 0, text: [['•', ''], ['•', '']] });
  });

  it('labels a pooled (one-column) grid as the mean over heads', () => {
    expect(attentionHeadsFigure([[ci(1, 1, 1)]], { title: 't', metric: 'm', kind: 'level' }).data[0]!.x).toEqual(['mean over heads']);
  });
});

describe('tokenAttentionFigure', () => {
  it('puts tokens on both axes by position (repeated words stay apart) and draws each span as a band', () => {
    const fig = tokenAttentionFigure(
      {
        tokens: ['<bos>', 'the', 'the', 'end'],
        queries: [2, 3],
        weights: [
          [0.5, 0.3, 0.2, NaN],
          [0.4, 0.2, 0.2, 0.2],
        ],
        spans: [
          { role: 'query', start: 1, end: 2 },
          { role: 'response', start: 2, end: 4 },
        ],
      },
      'one prompt',
    );
    expect(fig.data[0]).toMatchObject({ x: [0, 1, 2, 3], y: [2, 3], z: [[0.5, 0.3, 0.2, null], [0.4, 0.2, 0.2, 0.2]] });
    expect(fig.layout.xaxis).toMatchObject({ tickvals: [0, 1, 2, 3], ticktext: ['<bos>', 'the', 'the', 'end'] });
    expect(fig.layout.yaxis).toMatchObject({ tickvals: [2, 3], ticktext: ['the', 'end'] });
    const shapes = fig.layout.shapes as { x0: number; x1: number; fillcolor: string }[];
    expect(shapes.map((s) => [s.x0, s.x1, s.fillcolor])).toEqual([
      [0.5, 1.5, '#1f77b4'],
      [1.5, 3.5, '#2ca02c'],
    ]);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['query', 'response']);
  });
});

describe('spanBarsFigure', () => {
  it('draws one bar series per policy with asymmetric CI whiskers', () => {
    const fig = spanBarsFigure(
      [
        { name: 'before', bars: [{ span: 'query', value: ci(0.2, 0.1, 0.25) }, { span: 'constraint', value: ci(0.5, 0.45, 0.6) }] },
        { name: 'after', bars: [{ span: 'query', value: ci(0.3, 0.2, 0.4) }, { span: 'constraint', value: ci(0.4, 0.3, 0.5) }] },
      ],
      { title: 'mass per span', yTitle: 'mass' },
    );
    expect(fig.data.map((t) => t.name)).toEqual(['before', 'after']);
    expect(fig.data[0]).toMatchObject({ type: 'bar', x: ['query', 'constraint'], y: [0.2, 0.5] });
    const err = fig.data[0]!.error_y as { array: number[]; arrayminus: number[] };
    expect(err.array.map((v) => +v.toFixed(6))).toEqual([0.05, 0.1]);
    expect(err.arrayminus.map((v) => +v.toFixed(6))).toEqual([0.1, 0.05]);
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe('mass (95% CI)');
  });
});
