import { z } from 'zod';
import { pick } from '../../stats/rng';
import { compileKwargPattern, countMatches, PY_RE } from './kwarg-regex';
import { countSchema } from '../kwargs';
import { ifevalConstraint, patternSchema } from './schemas';
import { pyStrip } from '../nlp/pytext';

// r"\s?" + spliter + r"\s?\d+\s?": the splitter is a raw, case-sensitive regex.
const AROUND = [`${PY_RE.s}?`, `${PY_RE.s}?${PY_RE.d}+${PY_RE.s}?`] as const;

/** detectable_format:multiple_sections: at least N `<splitter> <number>` markers (len(re.split(...)) - 1). */
export const multipleSections = ifevalConstraint({
  id: 'detectable_format:multiple_sections',
  kwargs: z.object({ section_spliter: patternSchema, num_sections: countSchema }),
  describe: ({ section_spliter, num_sections }) => {
    const s = pyStrip(section_spliter);
    return (
      `Your response must have ${num_sections} sections. Mark the beginning of each section with ${s} X, such as:\n` +
      `${s} 1\n[content of section 1]\n${s} 2\n[content of section 2]`
    );
  },
  sampleKwargs: (rng) => ({ section_spliter: pick(['Section', 'SECTION'], rng), num_sections: rng.int(1, 5) }),
  check: (response, { section_spliter, num_sections }) =>
    countMatches(compileKwargPattern(pyStrip(section_spliter), { ignoreCase: false, around: AROUND }), response) >= num_sections,
});
