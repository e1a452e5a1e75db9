import * as aq from 'arquero';
import { KwargsError } from '../verifiers/define';
import { KNOWN_BUGS, type KnownBug } from '../verifiers/known-bugs';
import { getConstraint } from '../verifiers/registry';
import type { CheckerVariant, Verdict } from '../verifiers/types';

type Table = ReturnType<typeof aq.from>;

/** What ifkit says about a catalogue example: a verdict, or that it refuses the kwargs upstream would redraw. */
export type ExampleVerdict = Verdict | 'kwargs rejected' | 'no corrected checker';

/** One catalogued bug replayed: upstream's verdict as catalogued, and ifkit's in both variants. */
export interface KnownBugReplay {
  readonly bug: KnownBug;
  readonly upstream: ExampleVerdict;
  readonly corrected: ExampleVerdict;
}

function run(bug: KnownBug, variant: CheckerVariant): ExampleVerdict {
  const c = getConstraint(bug.id);
  if (variant === 'corrected' && !c.hasCorrected) return 'no corrected checker';
  try {
    return c.prepare(bug.example.kwargs, variant)(bug.example.response);
  } catch (e) {
    if (e instanceof KwargsError) return 'kwargs rejected';
    throw e;
  }
}

/**
 * Runs every catalogued example through ifkit's upstream-exact and corrected checkers.
 * @example replayKnownBugs()[0] // { bug: { id: 'count:counting_composition', … }, upstream: false, corrected: true }
 */
export function replayKnownBugs(bugs: readonly KnownBug[] = KNOWN_BUGS): KnownBugReplay[] {
  return bugs.map((bug) => ({ bug, upstream: run(bug, 'upstream'), corrected: run(bug, 'corrected') }));
}

/** The catalogue as a table: id, effect, what goes wrong, the example, upstream verdict and corrected verdict. */
export function knownBugsTable(bugs: readonly KnownBug[] = KNOWN_BUGS): Table {
  return aq.from(
    replayKnownBugs(bugs).map(({ bug, upstream, corrected }) => ({
      id: bug.id,
      suite: bug.suite,
      effect: bug.effect,
      what_goes_wrong: bug.summary,
      kwargs: JSON.stringify(bug.example.kwargs),
      response: bug.example.response,
      // For 'random' rows upstream redraws the kwargs; ifkit's column then says what it does instead.
      upstream: bug.upstreamVerdict === 'random' ? `random draw (ifkit: ${String(upstream)})` : upstream,
      corrected,
      link: bug.link,
    })),
  );
}
