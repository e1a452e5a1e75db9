/**
 * Turns the `emoji` package's `unicode_codes/data_dict.py` (v2.2.0) into our emoji list: the keys of EMOJI_DATA,
 * one per line as space-separated upper-case hex code points, sorted by code points (Python's string order).
 * Only the dictionary keys at four-space indentation are read; the file is data to us, never executed.
 */
export function emojiKeysFromDataDict(source: string): string {
  const keys: number[][] = [];
  const keyLine = /^ {4}u?'((?:[^'\\]|\\.)+)': \{/;
  for (const line of source.split('\n')) {
    const m = keyLine.exec(line);
    if (m) keys.push(decodePythonEscapes(m[1]!));
  }
  if (keys.length === 0) throw new Error('emoji: no EMOJI_DATA keys found in data_dict.py; has the file format changed?');
  keys.sort(compareCodePoints);
  return keys.map((k) => k.map((c) => c.toString(16).toUpperCase().padStart(4, '0')).join(' ')).join('\n') + '\n';
}

function compareCodePoints(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function decodePythonEscapes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    if (s[i] === '\\') {
      const kind = s[i + 1];
      const width = kind === 'U' ? 8 : kind === 'u' ? 4 : kind === 'x' ? 2 : 0;
      if (width === 0) {
        out.push(s.codePointAt(i + 1)!);
        i += 2;
        continue;
      }
      out.push(parseInt(s.slice(i + 2, i + 2 + width), 16));
      i += 2 + width;
    } else {
      const cp = s.codePointAt(i)!;
      out.push(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}
