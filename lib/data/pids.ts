import { readFileSync } from 'node:fs';

/*
 * Is the process that wrote a lock or a temporary file still running? On this host only: a pid means nothing
 * elsewhere. On Linux the process's start time tells a pid reused by a later process (a container restarted under
 * the same hostname numbers its processes from 1 again) from the one that wrote.
 */

/** Fields of /proc/<pid>/stat after the command name (state first), or undefined off Linux or for no such pid. */
function procStat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(') ') + 2).split(' '); // the command name may hold ') ' itself
  } catch {
    return undefined;
  }
}

/** When a process started (clock ticks since boot, Linux), so that a pid reused by another process is told apart. */
export function processStart(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** Whether a pid of this host is a running process (not a zombie; the same process if its start is given). */
export function pidAlive(pid: number, start?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(pid);
  if (stat === undefined) return true; // no /proc (macOS): kill(pid, 0) is all we know
  return stat[0] !== 'Z' && (start === undefined || stat[19] === start);
}
