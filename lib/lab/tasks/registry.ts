import { FIRST_TASK } from './first-task/task';
import type { LabTask } from './task';
import { WORLD_TASK } from './world/task';

/** Every task of the laboratory, by name. */
export const TASKS = { 'first-task': FIRST_TASK, world: WORLD_TASK } as const;

export type TaskName = keyof typeof TASKS;

/** A task by name; the error lists the known ones. */
export function getTask(name: string): LabTask<unknown> {
  const t = (TASKS as Record<string, LabTask<unknown> | undefined>)[name];
  if (!t) throw new Error(`lab: unknown task ${JSON.stringify(name)}; use one of ${Object.keys(TASKS).join(', ')}`);
  return t;
}
