import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SIZE, type Figure } from './figure';

/** Debian's chromium; playwright's own browser download cannot run offline. Override with IFKIT_CHROMIUM. */
const CHROMIUM = process.env.IFKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep chromium from phoning home on a machine with no network (each refused connection costs time). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ImageFormat = 'svg' | 'png';

export interface RenderOptions {
  readonly format: ImageFormat;
  readonly width?: number;
  readonly height?: number;
  /** Device pixel ratio for PNG (2 gives a sharp image at twice the pixels). */
  readonly scale?: number;
}

let session: Promise<{ browser: Browser; page: Page }> | null = null;

async function openSession(): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    throw new Error(
      `plots: could not start chromium at ${CHROMIUM} (${(e as Error).message.split('\n')[0]}). ` +
        'Install it with `apt-get install chromium` (or `make setup`), or set IFKIT_CHROMIUM to a Chromium binary.',
    );
  }
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="plot"></div></body></html>');
  const plotly = readFileSync(require.resolve('plotly.js-dist-min'), 'utf8');
  await page.addScriptTag({ content: plotly });
  return { browser, page };
}

/** A 32-bit FNV-1a hash of the figure: the seed of its ids, so different figures get different ids. */
function figureSeed(fig: Figure): number {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(fig)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * Renders a figure to SVG text or PNG bytes in headless chromium; the same figure gives the same bytes. One browser per process, reused across calls;
 * call `closeRenderer()` when done (scripts) so the process can exit.
 * @example const svg = await renderFigure(fig, { format: 'svg' }) as string;
 */
export async function renderFigure(fig: Figure, opts: RenderOptions): Promise<string | Buffer> {
  session ??= openSession();
  let page: Page;
  try {
    ({ page } = await session);
  } catch (e) {
    session = null;
    throw e;
  }
  // A builder that sets its own size (a grid of panels, a long list of bars) is drawn at it unless told otherwise.
  const own = (key: 'width' | 'height'): number | undefined => (typeof fig.layout[key] === 'number' ? (fig.layout[key] as number) : undefined);
  const width = opts.width ?? own('width') ?? DEFAULT_SIZE.width;
  const height = opts.height ?? own('height') ?? DEFAULT_SIZE.height;
  const dataUrl = await page.evaluate(
    async ({ fig, format, width, height, scale, seed }) => {
      // Plotly names its clip paths and defs with Math.random() ids ("clipc96b9exy"), so every render of the same
      // figure wrote a different SVG and `make figures` dirtied git. A generator seeded per figure (mulberry32)
      // makes the ids, and so the bytes, a function of the figure.
      let state = seed >>> 0;
      Math.random = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const Plotly = (globalThis as unknown as { Plotly: { toImage: (f: unknown, o: unknown) => Promise<string> } }).Plotly;
      return Plotly.toImage({ data: fig.data, layout: fig.layout }, { format, width, height, scale });
    },
    { fig, format: opts.format, width, height, scale: opts.scale ?? 1, seed: figureSeed(fig) },
  );
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(0, comma);
  const body = dataUrl.slice(comma + 1);
  if (opts.format === 'png') return Buffer.from(body, 'base64');
  return header.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

/** Closes the shared browser (safe to call when none is open). */
export async function closeRenderer(): Promise<void> {
  const s = session;
  session = null;
  if (s) await (await s).browser.close();
}
