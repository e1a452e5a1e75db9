import type { JudgeVerdict } from './types';

// Words a judge uses for a verdict, lower-cased. Longer forms first so '不符合' is not read as '符合'.
const NO_WORDS = ['不符合', '不满足', '不是', '否', '错', '不', 'no', 'false', 'fail', 'failed', 'incorrect', 'non', 'nein', 'нет', 'いいえ'];
const YES_WORDS = ['符合', '满足', '是', '对', 'yes', 'true', 'pass', 'passed', 'correct', 'oui', 'sí', 'ja', 'да', 'はい'];
const CJK_PREFIXES = [...NO_WORDS, ...YES_WORDS].filter((w) => /^[\u3000-\u9fff]/.test(w)).sort((a, b) => b.length - a.length);

/** Reasoning models (Qwen3, QwQ, DeepSeek-R1) think aloud first; only the text after the thinking counts. */
function stripThinking(reply: string): string {
  const closed = reply.replace(/<think>[\s\S]*?<\/think>/gi, '');
  // An unclosed <think> means the reply was cut off mid-thought: nothing after it is an answer.
  const open = closed.search(/<think>/i);
  return (open >= 0 ? closed.slice(0, open) : closed).trim();
}

/** One token as a verdict, or undefined when it is not a verdict word; digits 1/0 only inside lists. */
export function wordVerdict(token: string, digits = false): boolean | undefined {
  const t = token.trim().toLowerCase().replace(/^["'`*_]+|["'`*_.!,:;。！，]+$/g, '');
  if (digits && (t === '1' || t === '0')) return t === '1';
  if (NO_WORDS.includes(t)) return false;
  if (YES_WORDS.includes(t)) return true;
  for (const w of CJK_PREFIXES) if (t.startsWith(w)) return NO_WORDS.includes(w) ? false : true;
  return undefined;
}

function jsonVerdict(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') return wordVerdict(value, true);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/^(verdict|answer|score|result|judgement|judgment|follows?|pass(ed)?|compliant)$/i.test(k)) return jsonVerdict(v);
    }
  }
  return undefined;
}

function tryJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  if (!/^[[{]/.test(body)) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Reads one yes/no verdict from a judge's reply: `[[1]]`/`[[0]]`, a JSON verdict, a leading yes/no word in
 * several languages (是/否 as VerIF's judge answers), or a closing `Answer: no` line. Anything else is 'invalid'.
 * @example parseYesNo('**Yes**, the response has 3 bullets.') // true
 */
export function parseYesNo(reply: string): JudgeVerdict {
  const text = stripThinking(reply);
  const brackets = new Set([...text.matchAll(/\[\[\s*([01])\s*\]\]/g)].map((m) => m[1]));
  if (brackets.size === 1) return brackets.has('1');
  if (brackets.size > 1) return 'invalid';
  const json = tryJson(text);
  if (json !== undefined) return jsonVerdict(json) ?? 'invalid';
  const first = text.replace(/^[\s>#*\-"'`(]+/, '').split(/[\s,.!:;，。！：、()]+/u)[0] ?? '';
  const lead = wordVerdict(first);
  if (lead !== undefined) return lead;
  const labelled = [...text.matchAll(/(?:final answer|answer|verdict|judgement|judgment|result|答案|结论)\s*[:：]\s*\**\s*([^\s*.,。]+)/giu)];
  const last = labelled[labelled.length - 1];
  if (last) return wordVerdict(last[1]!) ?? 'invalid';
  return 'invalid';
}

// The last bracketed list whose items are all verdict words: a placeholder such as [name] in the reasoning is not it.
function listItems(text: string): string[] | undefined {
  const lists = [...text.matchAll(/\[([^[\]]*)\]/g)]
    .map((m) => m[1]!.split(',').map((s) => s.trim()))
    .filter((items) => items.every((s) => wordVerdict(s, true) !== undefined));
  return lists[lists.length - 1];
}

function numberedItems(text: string): string[] | undefined {
  const rows = [...text.matchAll(/^\s*(?:constraint\s*)?(\d+)\s*[.):：-]\s*\**\s*([^\s*]+)/gimu)];
  if (rows.length === 0) return undefined;
  const byIndex = new Map<number, string>();
  for (const r of rows) if (!byIndex.has(Number(r[1]))) byIndex.set(Number(r[1]), r[2]!);
  return [...byIndex.keys()].sort((a, b) => a - b).every((k, i) => k === i + 1) ? [...byIndex.values()] : undefined;
}

/**
 * Reads n verdicts from a batched reply: a JSON list, a python-ish list such as FollowBench's `['YES', 'NO']`
 * (the last list in the reply), or numbered lines `1. yes`. A reply with the wrong number of verdicts is all
 * 'invalid': which verdict belongs to which constraint can no longer be told.
 * @example parseVerdictList("Reasoning...\n['YES', 'NO']", 2) // [true, false]
 */
export function parseVerdictList(reply: string, n: number): JudgeVerdict[] {
  const text = stripThinking(reply);
  const invalid = (): JudgeVerdict[] => new Array<JudgeVerdict>(n).fill('invalid');
  const json = tryJson(text);
  if (Array.isArray(json)) return json.length === n ? json.map((v) => jsonVerdict(v) ?? 'invalid') : invalid();
  if (json && typeof json === 'object') {
    const inner = Object.values(json).find(Array.isArray);
    if (inner) return inner.length === n ? inner.map((v) => jsonVerdict(v) ?? 'invalid') : invalid();
  }
  const items = listItems(text) ?? numberedItems(text);
  if (items && items.length === n) return items.map((s) => wordVerdict(s, true) ?? 'invalid');
  if (n === 1) return [parseYesNo(text)];
  return invalid();
}
