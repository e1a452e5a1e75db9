/**
 * Progress for long CLI work: a bar on a terminal, and a plain line every `every` steps otherwise (piped into a
 * log, under `make`, or with --quiet), so long work never runs silent. cli-progress draws nothing off a terminal.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(value: number, payload?: Readonly<Record<string, string>>): void;
  stop(): void;
}

export interface ProgressOptions {
  /** e.g. 'sft' */
  readonly label: string;
  readonly total: number;
  /** Draw a bar (a terminal, not --quiet); else print lines. */
  readonly bar: boolean;
  /** Payload fields shown after the count, in this order (e.g. ['loss']). */
  readonly fields: readonly string[];
  /** Lines off a terminal: one per this many steps (default: a tenth of the total), and one at the end. */
  readonly every?: number;
  readonly write?: (line: string) => void;
}

/** @example const p = createProgress({ label: 'sft', total: 400, bar: process.stdout.isTTY, fields: ['loss'] }) */
export function createProgress(opts: ProgressOptions): Progress {
  const fields = opts.fields.map((f) => ` ${f} {${f}}`).join('');
  if (opts.bar) {
    const bar = new SingleBar({ format: `${opts.label.padEnd(5)} {bar} {value}/{total}${fields}` }, Presets.shades_classic);
    let started = false;
    return {
      update(value, payload = {}) {
        if (!started) bar.start(opts.total, 0, Object.fromEntries(opts.fields.map((f) => [f, '-'])));
        started = true;
        bar.update(value, payload);
      },
      stop: () => void (started && bar.stop()),
    };
  }
  const every = opts.every ?? Math.max(1, Math.ceil(opts.total / 10));
  const write = opts.write ?? ((line: string) => console.log(line));
  const started = Date.now();
  return {
    update(value, payload = {}) {
      if (value % every !== 0 && value !== opts.total) return;
      const shown = opts.fields.map((f) => ` ${f} ${payload[f] ?? '-'}`).join('');
      write(`${opts.label} ${value}/${opts.total}${shown} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    },
    stop: () => undefined,
  };
}
