import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { closeRenderer, renderFigure } from '../../plots/render';
import { FIGURE_JOBS } from '../figure-jobs';
import { positiveIntFlag } from '../flags';

/** `ifkit figures`: regenerate every file under figures/ (SVG + PNG) from code. */
export function registerFiguresCommand(program: Command): void {
  program
    .command('figures')
    .description('regenerate every figure under figures/ (SVG and PNG) from code and data')
    .option('--out <dir>', 'output folder', 'figures')
    .option('--only <names...>', 'figure names to build')
    .option('--width <px>', 'width in CSS pixels', '720')
    .option('--height <px>', 'height in CSS pixels', '420')
    .action(async (opts: { out: string; only?: string[]; width: string; height: string }) => {
      const jobs = FIGURE_JOBS.filter((j) => !opts.only || opts.only.includes(j.name));
      const unknown = (opts.only ?? []).filter((n) => !FIGURE_JOBS.some((j) => j.name === n));
      if (unknown.length) {
        console.error(`figures: unknown figure(s) ${unknown.join(', ')}; known: ${FIGURE_JOBS.map((j) => j.name).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const size = { width: positiveIntFlag('width', opts.width), height: positiveIntFlag('height', opts.height) };
      mkdirSync(opts.out, { recursive: true });
      try {
        for (const [i, job] of jobs.entries()) {
          const t0 = Date.now();
          const fig = await job.build();
          writeFileSync(join(opts.out, `${job.name}.svg`), (await renderFigure(fig, { format: 'svg', ...size })) as string);
          writeFileSync(join(opts.out, `${job.name}.png`), (await renderFigure(fig, { format: 'png', ...size })) as Buffer);
          console.log(`[${i + 1}/${jobs.length}] ${job.name}.svg/.png  ${job.description}  (${Date.now() - t0} ms)`);
        }
      } finally {
        await closeRenderer();
      }
    });
}
