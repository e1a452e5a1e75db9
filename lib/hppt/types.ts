/**
 * The dataset HPPT works on: prompts with their constraints, whatever file format they came from. Every reader
 * turns its rows into `HpptItem`s; every stage and writer works on these.
 */
import type { ChatMessage } from '../judge/client';

/** The input formats `ifkit hppt` reads (see docs/hppt.md for each schema and where it was read upstream). */
export type InputFormat = 'open-instruct' | 'verinstruct' | 'ifkit';
export const INPUT_FORMATS: readonly InputFormat[] = ['open-instruct', 'verinstruct', 'ifkit'];

/** How one constraint is checked. */
export type HpptCheck =
  /** A registered id (hard: its rule checker; soft: the judge reads its instruction text). */
  | { readonly by: 'registry'; readonly id: string; readonly kwargs: Readonly<Record<string, unknown>> | null }
  /** A soft constraint given as text: only a judge can check it. */
  | { readonly by: 'judge'; readonly instruction: string }
  /** A rule from a dataset as Python source (VerInstruct `functions`): untrusted, run only on request, sandboxed. */
  | { readonly by: 'python'; readonly source: string; readonly sha256: string };

/** One constraint of a prompt. */
export interface HpptConstraint {
  /** Rule-checked (hard) or judge-checked (soft); the paper's two kinds. */
  readonly kind: 'hard' | 'soft';
  /** What reports group by: the registry id, the VerInstruct checker name, or `soft:instruction` for free text. */
  readonly type: string;
  readonly check: HpptCheck;
}

/** Where an item was read from (for `file:line` messages and provenance). */
export interface ItemOrigin {
  readonly file: string;
  readonly line: number;
  readonly format: InputFormat;
}

/** One prompt with its constraints. */
export interface HpptItem {
  /** Unique within a dataset: the row's own key or id, else a hash of its prompt and constraints. */
  readonly key: string;
  /** The conversation the policy answers (open-instruct: every message but a final assistant one). */
  readonly messages: readonly ChatMessage[];
  readonly constraints: readonly HpptConstraint[];
  /** open-instruct's `dataset` (the verifier name), carried to exports. */
  readonly dataset?: string;
  readonly origin: ItemOrigin;
  /** What the HPPT stages did to this item (written into refined rows). */
  readonly hppt?: HpptProvenance;
}

/** The record a refined row carries: what the pilot saw and which soft constraint was kept. */
export interface HpptProvenance {
  readonly pilot?: { readonly rollouts: number; readonly maxReward: number; readonly meanReward: number };
  /** The one soft constraint kept (null: the prompt had none); absent when simplification did not run. */
  readonly softKept?: HpptConstraint | null;
  /** Soft constraints removed by simplification, whole, so nothing is lost. */
  readonly softDropped?: readonly HpptConstraint[];
  /** Simplification removed the dropped constraints' text from the prompt. */
  readonly promptEdited?: boolean;
}

/** A row that could not be used: `file:line: reason`, skipped and counted. */
export interface BadRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** `file:line: reason`. */
export function badRowMessage(b: BadRow): string {
  return `${b.file}:${b.line}: ${b.reason}`;
}

/** The text a judge reads as "the prompt": the last user message. */
export function promptText(item: Pick<HpptItem, 'messages'>): string {
  for (let i = item.messages.length - 1; i >= 0; i--) if (item.messages[i]!.role === 'user') return item.messages[i]!.content;
  return item.messages[item.messages.length - 1]?.content ?? '';
}
