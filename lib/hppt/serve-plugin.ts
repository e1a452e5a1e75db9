/**
 * A reward-server plugin: `ifkit serve --plugin lib/hppt/serve-plugin.ts --judge <spec>` scores the labels that
 * `ifkit hppt export` writes for soft constraints given as text (`soft:instruction`).
 */
import type { Constraint } from '../verifiers/define';
import { SOFT_TEXT_CONSTRAINT } from './soft-text';

export const constraints: readonly Constraint[] = [SOFT_TEXT_CONSTRAINT];
