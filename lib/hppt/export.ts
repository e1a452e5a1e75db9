/**
 * Writes a refined dataset for a trainer, each form scored by `ifkit serve` (soft constraints given as text need
 * `--plugin lib/hppt/serve-plugin.ts` and a `--judge`):
 * - `openrlhf`: JSONL `{"key", "prompt": [messages], "label"}`; train with `--data.input_key prompt
 *   --data.label_key label --data.apply_chat_template` and `--reward.remote_url http://host:8000/get_reward`.
 * - `verl`: Parquet with verl's RL columns (`data_source`, `prompt` as messages, `ability`, `reward_model {style,
 *   ground_truth}`, `extra_info {split, index, key}`); `examples/verl_reward.py` posts `ground_truth` to /verify/batch.
 * - `open-instruct`: JSONL rows `{key, messages, ground_truth, dataset: "ifeval"}` for open-instruct's IFEvalVerifier
 *   or `ifkit serve`'s /get_reward.
 * Every label is open-instruct's Python-literal string `[{'instruction_id': [...], 'kwargs': [...]}]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toJsonl } from '../data/jsonl';
import { pyRepr } from '../rewards/py-repr';
import { SOFT_TEXT_ID } from './soft-text';
import type { BadRow, HpptItem } from './types';

export type ExportTarget = 'openrlhf' | 'verl' | 'open-instruct';
export const EXPORT_TARGETS: readonly ExportTarget[] = ['openrlhf', 'verl', 'open-instruct'];

/** The open-instruct label of an item; throws when a constraint is Python the reward server cannot run. */
export function labelOf(item: HpptItem): string {
  if (item.constraints.length === 0) throw new Error('has no constraints left, so every response would score 0; drop it or add constraints');
  const ids: string[] = [];
  const kwargs: (Readonly<Record<string, unknown>> | null)[] = [];
  for (const c of item.constraints) {
    switch (c.check.by) {
      case 'registry':
        ids.push(c.check.id);
        kwargs.push(c.check.kwargs);
        break;
      case 'judge':
        ids.push(SOFT_TEXT_ID);
        kwargs.push({ instruction: c.check.instruction });
        break;
      case 'python':
        throw new Error(`constraint ${JSON.stringify(c.type)} is Python from the dataset (sha256 ${c.check.sha256.slice(0, 12)}); the reward server cannot score it`);
    }
  }
  return pyRepr([{ instruction_id: ids, kwargs }]);
}

/**
 * open-instruct drops the last message of a multi-message row (it is the SFT answer), so a multi-message prompt
 * gets an empty assistant turn to drop.
 */
function openInstructMessages(item: HpptItem): HpptItem['messages'] {
  return item.messages.length === 1 ? item.messages : [...item.messages, { role: 'assistant', content: '' }];
}

export interface ExportOptions {
  /** verl's `data_source` column (default 'ifkit-hppt'). */
  readonly dataSource?: string;
  readonly split?: string;
}

interface Labelled {
  readonly item: HpptItem;
  readonly label: string;
}

function label(items: readonly HpptItem[]): { rows: Labelled[]; skipped: BadRow[] } {
  const rows: Labelled[] = [];
  const skipped: BadRow[] = [];
  for (const item of items) {
    try {
      rows.push({ item, label: labelOf(item) });
    } catch (e) {
      skipped.push({ file: item.origin.file, line: item.origin.line, reason: `prompt ${JSON.stringify(item.key)} ${(e as Error).message}; not exported` });
    }
  }
  return { rows, skipped };
}

async function writeVerl(file: string, rows: readonly Labelled[], opts: ExportOptions): Promise<void> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const str = (name: string) => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'REQUIRED' as const });
  const schema = [
    { name: 'root', num_children: 5 },
    str('data_source'),
    { name: 'prompt', repetition_type: 'REQUIRED' as const, converted_type: 'LIST' as const, num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED' as const, num_children: 1 },
    { name: 'element', repetition_type: 'REQUIRED' as const, num_children: 2 },
    str('role'),
    str('content'),
    str('ability'),
    { name: 'reward_model', repetition_type: 'REQUIRED' as const, num_children: 2 },
    str('style'),
    str('ground_truth'),
    { name: 'extra_info', repetition_type: 'REQUIRED' as const, num_children: 3 },
    str('split'),
    { name: 'index', type: 'INT64' as const, repetition_type: 'REQUIRED' as const },
    str('key'),
  ];
  const buffer = parquetWriteBuffer({
    schema,
    columnData: [
      { name: 'data_source', data: rows.map(() => opts.dataSource ?? 'ifkit-hppt') },
      { name: 'prompt', data: rows.map((r) => r.item.messages.map((m) => ({ role: m.role, content: m.content }))) },
      { name: 'ability', data: rows.map(() => 'if') },
      { name: 'reward_model', data: rows.map((r) => ({ style: 'rule', ground_truth: r.label })) },
      { name: 'extra_info', data: rows.map((r, index) => ({ split: opts.split ?? 'train', index: BigInt(index), key: r.item.key })) },
    ],
  });
  writeFileSync(file, new Uint8Array(buffer));
}

/**
 * Writes `items` to `file` as `target`; rows that cannot be scored by the reward server are skipped and returned.
 * @example await exportItems(items, 'verl', 'train.parquet')
 */
export async function exportItems(items: readonly HpptItem[], target: ExportTarget, file: string, opts: ExportOptions = {}): Promise<{ written: number; skipped: BadRow[] }> {
  const { rows, skipped } = label(items);
  mkdirSync(dirname(file), { recursive: true });
  switch (target) {
    case 'openrlhf':
      writeFileSync(file, toJsonl(rows.map(({ item, label }) => ({ key: item.key, prompt: item.messages, label }))));
      break;
    case 'open-instruct':
      writeFileSync(file, toJsonl(rows.map(({ item, label }) => ({ key: item.key, messages: openInstructMessages(item), ground_truth: label, dataset: item.dataset ?? 'ifeval' }))));
      break;
    case 'verl':
      await writeVerl(file, rows, opts);
      break;
  }
  return { written: rows.length, skipped };
}
