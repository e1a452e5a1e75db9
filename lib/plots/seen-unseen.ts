import type { Figure } from './figure';
import { colorAt, errorBars, estimates, type IntervalValue } from './interval';
import { panelAxes, panelLayout } from './panels';

/*
 * What training on more constraint types buys: per number of training types, the gain in TRUE pass rate over the
 * warm start on the types the policy trained on (seen) and on the others (unseen), one panel per reward. A level
 * that saw every type has no unseen types: its unseen bar is absent, not zero.
 */

export interface SeenUnseenPanel {
  readonly name: string;
  /** The diversity levels, e.g. ['1', '2', '4', 'all'] (types in training). */
  readonly levels: readonly string[];
  readonly seen: readonly IntervalValue[];
  readonly unseen: readonly IntervalValue[];
}

/**
 * Grouped bars of seen and unseen gains per diversity level, panels per reward.
 * @example seenUnseenFigure([{ name: 'precise reward', levels: ['1', 'all'], seen, unseen }], { title: 'Diversity' })
 */
export function seenUnseenFigure(panels: readonly SeenUnseenPanel[], opts: { title: string; yTitle?: string }): Figure {
  const kinds = [
    { label: 'types seen in training', pick: (p: SeenUnseenPanel) => p.seen, color: colorAt(0) },
    { label: 'types not seen', pick: (p: SeenUnseenPanel) => p.unseen, color: colorAt(4) },
  ];
  const data = panels.flatMap((p, i) =>
    kinds.map((k) => ({
      type: 'bar',
      name: k.label,
      legendgroup: k.label,
      showlegend: i === 0,
      x: p.levels.map((l) => `${l} type${l === '1' ? '' : 's'}`),
      y: estimates(k.pick(p)),
      marker: { color: k.color },
      error_y: { ...errorBars(k.pick(p)), color: '#333' },
      ...panelAxes(i),
    })),
  );
  const layout = panelLayout(panels.map((p) => p.name), {
    title: opts.title,
    xTitle: 'constraint types in training',
    yTitle: opts.yTitle ?? 'TRUE-pass gain over the warm start',
    columns: panels.length,
    rowHeight: 340,
    extra: { barmode: 'group' },
  });
  return { data, layout };
}
