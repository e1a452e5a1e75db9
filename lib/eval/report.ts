import type { CheckTimeout } from './bounded-score';
import type { Accuracy, EvalSummary, GroupAccuracy } from './metrics';

function pct(a: Accuracy): string {
  const ci = Number.isNaN(a.ci.lo) ? '' : `  [${(a.ci.lo * 100).toFixed(1)}, ${(a.ci.hi * 100).toFixed(1)}]`;
  return `${(a.accuracy * 100).toFixed(2).padStart(6)}%  ${String(a.followed).padStart(4)}/${a.total}${ci}`;
}

function groupLines(groups: readonly GroupAccuracy[]): string[] {
  const width = Math.max(...groups.map((g) => g.name.length));
  return groups.map((g) => `  ${g.name.padEnd(width)}  strict ${pct(g.strict)}   loose ${pct(g.loose)}`);
}

/**
 * A short human report: the four headline accuracies with 95% intervals, then per category (and per id if asked).
 * @example formatReport(summary, { perId: false })
 */
export function formatReport(s: EvalSummary, opts: { perId?: boolean; timeouts?: readonly CheckTimeout[]; checkTimeoutMs?: number } = {}): string {
  const lines = [
    `${s.prompts} prompts, ${s.instructions} instructions`,
    `prompt-level      strict ${pct(s.promptLevelStrict)}   loose ${pct(s.promptLevelLoose)}`,
    `instruction-level strict ${pct(s.instructionLevelStrict)}   loose ${pct(s.instructionLevelLoose)}`,
    '',
    'per category:',
    ...groupLines(s.perCategory),
  ];
  if (opts.perId) lines.push('', 'per instruction id:', ...groupLines(s.perId));
  if (s.unverifiable.strict + s.unverifiable.loose > 0) {
    lines.push('', `unverifiable verdicts counted as passes (as upstream): strict ${s.unverifiable.strict}, loose ${s.unverifiable.loose}`);
  }
  if (s.missingResponses.length > 0) {
    lines.push('', `prompts without a response (scored as failed): ${s.missingResponses.length} (keys ${s.missingResponses.slice(0, 10).join(', ')}${s.missingResponses.length > 10 ? ', …' : ''})`);
  }
  const timeouts = opts.timeouts ?? [];
  if (timeouts.length > 0) {
    const shown = timeouts.slice(0, 5).map((t) => `key ${t.key} ${t.instructionId} (${t.mode})`).join(', ');
    lines.push('', `checks stopped at the ${opts.checkTimeoutMs ?? '?'} ms bound (scored as failed): ${timeouts.length} (${shown}${timeouts.length > 5 ? ', …' : ''})`);
  }
  return lines.join('\n');
}
