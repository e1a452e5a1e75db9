/**
 * Plain sentences for the errors a command line meets most: the file system's (`EEXIST: file already exists,
 * mkdir 'runs/x'` becomes "cannot create the folder runs/x: a file with that name is in the way"). Anything else
 * keeps its own message, which in ifkit already says what to do.
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EEXIST: 'a file with that name is in the way',
  ENOTDIR: 'part of that path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
};

const DOING: Readonly<Record<string, string>> = {
  mkdir: 'create the folder',
  open: 'open',
  read: 'read',
  write: 'write',
  scandir: 'list the folder',
  rename: 'rename',
  unlink: 'delete',
  stat: 'find',
  access: 'find',
  copyfile: 'copy',
};

interface ErrnoLike {
  readonly code?: unknown;
  readonly syscall?: unknown;
  readonly path?: unknown;
}

/**
 * The message to print for an error that ended a command.
 * @example describeError(Object.assign(new Error('x'), { code: 'EEXIST', syscall: 'mkdir', path: 'out' })) // 'cannot create the folder out: a file with that name is in the way'
 */
export function describeError(e: unknown): string {
  const err = e as ErrnoLike & Error;
  if (err && typeof err.code === 'string' && typeof err.path === 'string' && err.code in REASONS) {
    const doing = typeof err.syscall === 'string' ? (DOING[err.syscall] ?? err.syscall) : 'use';
    return `cannot ${doing} ${err.path}: ${REASONS[err.code]}`;
  }
  return e instanceof Error ? e.message : String(e);
}
