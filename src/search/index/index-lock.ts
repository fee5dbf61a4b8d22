// One writer per index folder, as PostgreSQL, Elasticsearch and Lucene have: a build takes an
// exclusive lock file (created with O_EXCL, so two processes can never both hold it) naming its
// holder, and a second writer fails at once with that name. Reading needs no lock. A lock left by a
// process that died (kill -9) on this machine is taken over; one from another machine is not.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'write.lock';

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class IndexLockedError extends Error {
  constructor(dir: string, holder: Holder | undefined) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`
      : `another process (if none is running, delete ${join(dir, LOCK_FILE)})`;
    super(`the index folder ${dir} is being written by ${who}; an index folder takes one writer at a time`);
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

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string, holder: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the folder's write lock; returns its release. Throws IndexLockedError while another process holds it. */
export function lockIndexFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), command: process.argv.slice(1).join(' ').slice(0, 200), since: new Date().toISOString() };
  if (!tryCreate(path, me)) {
    const holder = readHolder(path);
    const abandoned = holder !== undefined && holder.host === me.host && holder.pid !== me.pid && !isAlive(holder.pid);
    if (!abandoned) throw new IndexLockedError(dir, holder);
    rmSync(path, { force: true });
    if (!tryCreate(path, me)) throw new IndexLockedError(dir, readHolder(path));
  }
  return () => {
    if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
  };
}
