/**
 * HPPT step (b), soft-constraint simplification: each prompt keeps at most one soft constraint (arXiv 2601.04954).
 * Which one is a seeded draw that depends only on (seed, key), and every prompt records what it kept and dropped.
 * Hard constraints are untouched.
 */
import { createRng } from '../stats/rng';
import { getConstraint } from '../verifiers/registry';
import { keyedSeed } from './keyed-seed';
import { promptText, type HpptConstraint, type HpptItem } from './types';

export interface SimplifyOptions {
  readonly seed: number;
  /** Also cut each dropped constraint's text out of the prompt where it appears verbatim (default false). */
  readonly removeText?: boolean;
}

export interface SimplifyResult {
  readonly items: HpptItem[];
  /** Prompts that had more than one soft constraint. */
  readonly simplified: number;
  readonly softDropped: number;
  /** Dropped constraints whose text was cut from the prompt (removeText). */
  readonly textRemoved: number;
  /** Dropped constraints whose text is still in the prompt word for word: asked for, no longer rewarded. */
  readonly textLeft: number;
}

/** The words a soft constraint asks for (its text, or the registered id's instruction). */
export function softInstruction(c: HpptConstraint): string {
  if (c.check.by === 'judge') return c.check.instruction;
  if (c.check.by === 'registry') return getConstraint(c.check.id).describe(c.check.kwargs ?? {});
  return c.type;
}

function cutText(item: HpptItem, dropped: readonly HpptConstraint[]): { item: HpptItem; removed: number } {
  const last = item.messages.map((m) => m.role).lastIndexOf('user');
  if (last < 0) return { item, removed: 0 };
  let content = item.messages[last]!.content;
  let removed = 0;
  for (const c of dropped) {
    const text = softInstruction(c);
    const at = content.indexOf(text);
    if (at < 0) continue;
    content = (content.slice(0, at).trimEnd() + ' ' + content.slice(at + text.length).trimStart()).trim();
    removed++;
  }
  const messages = item.messages.map((m, i) => (i === last ? { ...m, content } : m));
  return { item: removed ? { ...item, messages } : item, removed };
}

/** @example simplifySoft(items, { seed: 0 }).items[0].hppt.softKept */
export function simplifySoft(items: readonly HpptItem[], opts: SimplifyOptions): SimplifyResult {
  let simplified = 0;
  let softDropped = 0;
  let textRemoved = 0;
  let textLeft = 0;
  const countLeft = (item: HpptItem, dropped: readonly HpptConstraint[]): HpptItem => {
    const prompt = promptText(item);
    textLeft += dropped.filter((c) => prompt.includes(softInstruction(c))).length;
    return item;
  };
  const out = items.map((item): HpptItem => {
    const soft = item.constraints.filter((c) => c.kind === 'soft');
    if (soft.length <= 1) return { ...item, hppt: { ...item.hppt, softKept: soft[0] ?? null, softDropped: [] } };
    simplified++;
    const keep = soft[createRng(keyedSeed(opts.seed, item.key, 'soft')).int(0, soft.length - 1)]!;
    const dropped = soft.filter((c) => c !== keep);
    softDropped += dropped.length;
    const next: HpptItem = {
      ...item,
      constraints: item.constraints.filter((c) => c.kind === 'hard' || c === keep),
      hppt: { ...item.hppt, softKept: keep, softDropped: dropped },
    };
    if (!opts.removeText) return countLeft(next, dropped);
    const cut = cutText(next, dropped);
    textRemoved += cut.removed;
    return countLeft(cut.removed ? { ...cut.item, hppt: { ...cut.item.hppt, promptEdited: true } } : cut.item, dropped);
  });
  return { items: out, simplified, softDropped, textRemoved, textLeft };
}
