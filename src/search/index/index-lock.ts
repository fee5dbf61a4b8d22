// One writer per index folder, as PostgreSQL, Elasticsearch and Lucene have: a build takes an
// exclusive lock file (created with O_EXCL, so two processes can never both hold it) naming its
// holder, and a second writer fails at once with that name. Reading needs no lock. A lock left by a
// process that died (kill -9) on this machine is taken over; one from another machine is not. A dead
// holder is known by more than its pid: a container restarts with the same pid, and a machine that
// rebooted reuses pids, so the lock also names the holding process's own token and the boot.
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'write.lock';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** This process's own: a lock naming this pid but another token was left by an earlier process. */
  token?: string;
  /** The machine's boot (Linux's boot_id): a lock from an earlier boot was left by a process long gone. */
  boot?: string;
}

/** Created with this process: it tells this process's locks from a dead one's that had the same pid. */
const TOKEN = randomUUID();

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * A lock file with no holder in it is older than this: a holder is written right after the file is
 * created, so one still empty after 10 s was left by a process that could not write it (a full disk).
 */
const EMPTY_LOCK_GRACE_MS = 10_000;

export class IndexLockedError extends Error {
  constructor(dir: string, holder: LockHolder | undefined, lock = join(dir, LOCK_FILE)) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`
      : `another process (if none is running, delete ${lock})`;
    super(`the index ${dir} is being written by ${who}; an index takes one writer at a time`);
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } catch (err) {
    // A lock nobody can read would stop every later writer: it goes, and the failure (ENOSPC) is reported.
    closeSync(fd);
    rmSync(path, { force: true });
    throw err;
  }
  closeSync(fd);
  return true;
}

/** Whether the lock at `path`, held by `holder` as read from it, was left by a process that is gone. */
function abandoned(path: string, holder: LockHolder | undefined, me: LockHolder): boolean {
  if (holder === undefined) {
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    return age > EMPTY_LOCK_GRACE_MS;
  }
  if (holder.host !== me.host) return false;
  if (holder.boot !== undefined && me.boot !== undefined && holder.boot !== me.boot) return true;
  if (holder.pid === me.pid) return holder.token !== me.token;
  return !isAlive(holder.pid);
}

/** Takes the folder's write lock; returns its release. Throws IndexLockedError while another process holds it. */
export function lockIndexFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const boot = bootId();
  const me: LockHolder = { pid: process.pid, host: hostname(), command: process.argv.slice(1).join(' ').slice(0, 200), since: new Date().toISOString(), token: TOKEN, ...(boot ? { boot } : {}) };
  if (!tryCreate(path, me)) {
    const holder = readHolder(path);
    if (!abandoned(path, holder, me)) throw new IndexLockedError(dir, holder);
    rmSync(path, { force: true });
    if (!tryCreate(path, me)) throw new IndexLockedError(dir, readHolder(path));
  }
  return () => {
    const holder = readHolder(path);
    if (holder?.pid === me.pid && holder.token === me.token) rmSync(path, { force: true });
  };
}
