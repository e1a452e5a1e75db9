import { barFigure, type Figure } from './figure';

/** Bars of instruction counts per category (data in, figure out). */
export function categoryCountsFigure(rows: ReadonlyArray<{ category: string; count: number }>, benchmark: string): Figure {
  return barFigure([{ labels: rows.map((r) => r.category), values: rows.map((r) => r.count) }], {
    title: `${benchmark}: instructions per category`,
    xTitle: 'category',
    yTitle: 'instructions',
  });
}
