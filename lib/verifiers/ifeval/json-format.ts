import { noKwargs } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

function removePrefix(s: string, p: string): string {
  return s.startsWith(p) ? s.slice(p.length) : s;
}

/**
 * Python `json.loads` accepts the bare constants NaN, Infinity and -Infinity that JSON.parse rejects. We swap them,
 * outside strings and where a value may start, for 0 and parse again.
 */
function withPythonConstants(text: string): string | null {
  let out = '';
  let inString = false;
  let prev = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const valueStart = prev === '' || prev === '[' || prev === ',' || prev === ':' || prev === '-';
    const word = text.startsWith('NaN', i) ? 'NaN' : text.startsWith('Infinity', i) ? 'Infinity' : '';
    if (word && valueStart && (word === 'Infinity' || prev !== '-')) {
      out += '0';
      i += word.length - 1;
      prev = '0';
      changed = true;
      continue;
    }
    out += c;
    if (!' \t\n\r'.includes(c)) prev = c;
  }
  return changed ? out : null;
}

/** Python `json.loads(text)` succeeds. */
export function pyJsonLoads(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    const swapped = withPythonConstants(text);
    if (swapped === null) return false;
    try {
      JSON.parse(swapped);
      return true;
    } catch {
      return false;
    }
  }
}

/** detectable_format:json_format: the text, minus one ```json/```Json/```JSON/``` fence, parses as Python JSON. */
export const jsonFormat = ifevalConstraint({
  id: 'detectable_format:json_format',
  kwargs: noKwargs,
  describe: () => 'Entire output should be wrapped in JSON format. You can use markdown ticks such as ```.',
  sampleKwargs: () => ({}),
  check: (response) => {
    let v = pyStrip(response);
    for (const p of ['```json', '```Json', '```JSON', '```']) v = removePrefix(v, p);
    if (v.endsWith('```')) v = v.slice(0, -3);
    return pyJsonLoads(pyStrip(v));
  },
});
