/** The HPPT report as plain text for the terminal and report.md. */
import type { Counts, HpptReport } from './report';

const pct = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function countsLine(label: string, c: Counts): string {
  return `${label.padEnd(13)}${pad(c.prompts, 8)}${pad(c.constraints, 12)}${pad(c.hard, 6)}${pad(c.soft, 6)}${pad(c.python, 8)}${pad(c.hardOnlyPrompts, 11)}${pad(c.promptsWithSeveralSoft, 13)}`;
}

/** @example console.log(formatReport(report)) */
export function formatReport(r: HpptReport): string {
  const lines = [
    `input ${r.input.file} (${r.input.format}): ${r.input.rows} rows, ${r.input.items} prompts read, ${r.input.badRows} bad rows skipped` +
      (r.input.untaggedCheckers ? `, ${r.input.untaggedCheckers} untagged VerInstruct checkers ignored` : ''),
    `pilot: ${r.pilot.matched} prompts with results (${r.pilot.unmatched} results for unknown keys, ${r.pilot.badRows} bad lines), ` +
      `${r.pilot.rollouts} rollouts, mean reward ${r.pilot.meanReward === null ? '-' : r.pilot.meanReward.toFixed(3)}`,
    '',
    `${''.padEnd(13)}${pad('prompts', 8)}${pad('constraints', 12)}${pad('hard', 6)}${pad('soft', 6)}${pad('python', 8)}${pad('hard-only', 11)}${pad('several-soft', 13)}`,
    countsLine('before', r.before),
    countsLine('after filter', r.afterFilter),
    countsLine('after', r.after),
    '',
    `dropped: ${r.dropped['never-rewarded']} never rewarded above 0, ${r.dropped['not-piloted']} not piloted`,
    `soft simplification (seed ${r.soft.seed}): ${r.soft.simplifiedPrompts} prompts had several soft constraints, ${r.soft.dropped} dropped ` +
      `(${r.soft.textRemoved} cut from the prompt, ${r.soft.textLeftInPrompt} still asked for in the prompt text)`,
    '',
    `${'kind'.padEnd(5)} ${'type'.padEnd(40)} ${'check'.padEnd(36)}${pad('before', 7)}${pad('filter', 7)}${pad('after', 7)}${pad('pilot pass', 11)}`,
    ...r.byType.map((t) => `${t.kind.padEnd(5)} ${t.type.slice(0, 40).padEnd(40)} ${t.check.slice(0, 36).padEnd(36)}${pad(t.before, 7)}${pad(t.afterFilter, 7)}${pad(t.after, 7)}${pad(pct(t.pilotPassRate), 11)}`),
  ];
  if (r.badRowSamples.length) lines.push('', 'bad rows (first 20):', ...r.badRowSamples.map((b) => `  ${b}`));
  return lines.join('\n');
}
