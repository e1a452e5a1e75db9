import type { Figure } from './figure';
import { renderFigure } from './render';

/** The laboratory's sizes (the same names as lib/lab's `Size`; plots sits below lab and cannot import it). */
export type NotebookSize = 'smoke' | 'quick' | 'full';

/** Settings every notebook starts from; `quick` shrinks experiments so `make test` runs them in minutes. */
export interface NotebookContext {
  readonly seed: number;
  readonly quick: boolean;
  /**
   * The size of lab experiments: 'quick' by default, 'full' with QUICK=0, and 'smoke' with QUICK=smoke, which only
   * checks the plumbing in seconds (its numbers mean nothing; never store a notebook's outputs at that size).
   */
  readonly size: NotebookSize;
}

/**
 * First call of every notebook: fixes the seed and reads QUICK (default on; QUICK=0 runs full-size experiments).
 * @example const { seed, quick, size } = setupNotebook({ seed: 0 });
 */
export function setupNotebook(opts: { seed: number }): NotebookContext {
  const q = process.env.QUICK;
  return { seed: opts.seed, quick: q !== '0', size: q === '0' ? 'full' : q === 'smoke' ? 'smoke' : 'quick' };
}

/** A display bundle: several MIME representations of one output. */
export type MimeBundle = Record<string, unknown>;

interface TslabJupyter {
  lastWriteDisplayData: ((data: { data: MimeBundle; metadata: Record<string, unknown>; transient?: { display_id: string } }, update: boolean) => void) | null;
}

function tslabJupyter(): TslabJupyter | null {
  try {
    // tslab's public `display` sends one MIME type per output; its internal writer sends a bundle, which lets
    // a frontend choose the interactive plotly view and fall back to the static SVG.
    const j = require('tslab/dist/jupyter') as TslabJupyter;
    return j.lastWriteDisplayData ? j : null;
  } catch {
    return null;
  }
}

/** Shows a bundle in the running notebook (outside a kernel, does nothing). */
export function display(bundle: MimeBundle): void {
  tslabJupyter()?.lastWriteDisplayData!({ data: bundle, metadata: {} }, false);
}

/** The bundle `showFigure` displays: static SVG, plotly JSON for interactive frontends, and a text fallback. */
export async function figureBundle(fig: Figure, size: { width?: number; height?: number } = {}): Promise<MimeBundle> {
  const svg = (await renderFigure(fig, { format: 'svg', ...size })) as string;
  return {
    'image/svg+xml': svg,
    'application/vnd.plotly.v1+json': { data: fig.data, layout: fig.layout },
    'text/plain': `<Figure: ${String((fig.layout.title as { text?: string } | undefined)?.text ?? '')}>`,
  };
}

/**
 * Renders a figure to SVG (static, stored in the notebook) and shows it with the plotly JSON for interactive frontends.
 * @example await showFigure(barFigure(...))
 */
export async function showFigure(fig: Figure, size: { width?: number; height?: number } = {}): Promise<void> {
  display(await figureBundle(fig, size));
}

let liveOutputs = 0;

/**
 * A line of text shown now and replaced in place by each later call (progress of a long cell); outside a kernel,
 * does nothing.
 * @example const progress = liveText('sweep: planning'); progress('sweep: 3/12 jobs done');
 */
export function liveText(initial: string): (text: string) => void {
  const id = `ifkit-live-${process.pid}-${++liveOutputs}`;
  const send = (text: string, update: boolean): void =>
    tslabJupyter()?.lastWriteDisplayData!({ data: { 'text/plain': text }, metadata: {}, transient: { display_id: id } }, update);
  send(initial, false);
  return (text) => send(text, true);
}

/** Shows markdown (a computed summary) with a plain-text fallback. */
export function showMarkdown(text: string): void {
  display({ 'text/markdown': text, 'text/plain': text });
}

/** Anything with arquero's `toHTML`/`toString` (an arquero table). */
export interface HtmlTable {
  toHTML(opts?: { limit?: number }): string;
  toString(opts?: { limit?: number }): string;
}

/** Shows a table (arquero) as HTML with a plain-text fallback. */
export function showTable(table: HtmlTable, limit = 50): void {
  display({ 'text/html': table.toHTML({ limit }), 'text/plain': table.toString({ limit }) });
}
