import { z } from 'zod';
import { pick } from '../../stats/rng';
import { pyIsSpaceChar, pyLen, pyStrip } from '../nlp/pytext';
import { fixedText, ifbench } from './spec';

/** format:* ids about markers and templates (ifbench/instructions.py @db69a6f). */

const sepKwargs = z.object({ sep: z.string({ error: 'must be a string' }) });
const SEPARATORS = ['...', 'SEPARATOR', '!?!?', '-'];
export const list = ifbench<z.infer<typeof sepKwargs>>({
  id: 'format:list',
  kwargs: sepKwargs,
  describe: (k) => `Answer with a list of items, instead of bullet points use ${k.sep}.`,
  sampleKwargs: (rng) => ({ sep: pick(SEPARATORS, rng) }),
  // Non-overlapping occurrences anywhere (re.findall of the escaped marker), not only at line starts.
  check: (r, k) => (k.sep === '' ? pyLen(r) + 1 : r.split(k.sep).length - 1) >= 2,
});

export const thesis = fixedText(
  'format:thesis',
  'Each section must begin with a thesis statement in italics, use HTML to indicate the italics.',
  (r) => {
    let start = r.indexOf('<i>');
    if (start === -1) start = r.indexOf('<em>');
    if (start === -1) return false;
    const rest = r.slice(start);
    let end = rest.indexOf('</i>');
    if (end === -1) end = rest.indexOf('</em>');
    if (end === -1) return false;
    // Offsets as upstream computes them, for <i> and </i>: after <em> the thesis keeps a '>', and after </em>
    // the remaining text starts with '>', so "<em>x</em>" alone passes.
    if (pyStrip(rest.slice(3, end)) === '') return false;
    return pyStrip(rest.slice(end + 4)) !== '';
  },
);

export const subBullets = fixedText(
  'format:sub-bullets',
  'Your response must include bullet points denoted by * and at least one sub-bullet point denoted by - for each bullet point.',
  // Every piece after a '*' anywhere (bold markers too) must contain a '-'; no '*' at all passes.
  (r) => r.split('*').slice(1).every((piece) => piece.includes('-')),
);

export const outputTemplate = fixedText(
  'format:output_template',
  'Use this exact template for your response: My Answer: [answer] My Conclusion: [conclusion] Future Outlook: [outlook]',
  (r) => r.includes('My Answer:') && r.includes('My Conclusion:') && r.includes('Future Outlook:'),
);

export const noWhitespace = fixedText('format:no_whitespace', 'The output should not contain any whitespace.', (r) =>
  [...r].every((c) => !pyIsSpaceChar(c)),
);
