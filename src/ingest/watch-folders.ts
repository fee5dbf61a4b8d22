// Watch mode: a burst of file events (an editor's save, a folder copied in) becomes one call to
// `onChange` once the folders have been quiet for a moment, or after at most MAX_WAIT_MS of constant
// change (a log file appended every 0.2 s must not keep the rest unsearchable). File-system events
// are not delivered everywhere (network mounts, some containers and sandboxes), so a periodic
// snapshot of the folders catches what they miss; past EVENTS_MAX_FILES files the snapshots alone
// watch. Symbolic links are not followed, as the indexer does not follow them: a link to an ancestor
// folder would otherwise watch a whole disk.
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { snapshotFolders } from './folder-snapshot.js';
import { isHiddenName } from './corpus-file-names.js';
import { isCorpusFileName } from './read-corpus.js';

export const QUIET_MS = 300;
export const POLL_MS = 2_000;
/**
 * A look at the folders takes at most this share of the time between looks: one `stat` a file is
 * about 3 s at 687,728 files, so there the looks come every 30 s instead of back to back; ordinary
 * folders are looked at every POLL_MS.
 */
const LOOK_SHARE = 0.1;

/** How long after a look that took `tookMs` the next one comes. */
export const nextLookAfter = (pollMs: number, tookMs: number) => Math.max(pollMs, tookMs / LOOK_SHARE);
export const MAX_WAIT_MS = 2_000;
/**
 * Folders with more corpus files than this are watched by their snapshots only: chokidar keeps every
 * file it watches in memory, and took 58 s and 2.8 GB to start watching 687,728 files.
 */
export const EVENTS_MAX_FILES = 100_000;

export interface FolderWatch {
  /** Resolves once the initial scan is done and changes will be seen; `events` is false for folders watched by their looks alone. */
  ready: Promise<{ events: boolean }>;
  close(): Promise<void>;
}

export interface WatchOptions {
  quietMs?: number;
  pollMs?: number;
  /** The longest a change waits for quiet before `onChange` runs anyway. */
  maxWaitMs?: number;
  /** Where file-system events come from: chokidar's `watch`, unless the caller stands in for a file system that sends none. */
  eventSource?: typeof watch;
  /** Past this many corpus files, no events are asked for (EVENTS_MAX_FILES). */
  eventsMaxFiles?: number;
}

export function watchFolders(
  roots: string[],
  onChange: () => void,
  { quietMs = QUIET_MS, pollMs = POLL_MS, maxWaitMs = MAX_WAIT_MS, eventSource = watch, eventsMaxFiles = EVENTS_MAX_FILES }: WatchOptions = {},
): FolderWatch {
  const isRoot = (path: string) => roots.includes(path);
  let timer: NodeJS.Timeout | undefined;
  /** When the oldest change not yet reported came. */
  let pendingSince: number | undefined;
  let eventSeen = false;
  const fire = () => {
    timer = undefined;
    pendingSince = undefined;
    onChange();
  };
  const changed = () => {
    clearTimeout(timer);
    pendingSince ??= Date.now();
    timer = setTimeout(fire, Math.max(0, Math.min(quietMs, pendingSince + maxWaitMs - Date.now())));
  };
  /** Resolves once the events are being listened to. */
  const listen = (): Promise<FSWatcher> => {
    const watcher = eventSource(roots, {
      ignoreInitial: true,
      // The same files readCorpus would read: hidden ones never, links never, other kinds of file never.
      ignored: (path, stats) =>
        !isRoot(path) && (isHiddenName(basename(path)) || !!stats?.isSymbolicLink() || (!!stats?.isFile() && !isCorpusFileName(basename(path)))),
      awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
      followSymlinks: false,
    });
    watcher.on('all', () => {
      eventSeen = true;
      changed();
    });
    // An unwatchable folder (permissions, too many watches) must not stop the server: the snapshots still run.
    watcher.on('error', () => {});
    return new Promise((resolve) => watcher.once('ready', () => resolve(watcher)));
  };

  let closed = false;
  let poll: NodeJS.Timeout | undefined;
  let last: string | undefined;
  const look = async () => {
    const started = performance.now();
    const now = await snapshotFolders(roots, isCorpusFileName, '');
    // A difference the events already reported is not reported twice.
    if (last !== undefined && now.digest !== last && !eventSeen) changed();
    eventSeen = false;
    last = now.digest;
    if (!closed) poll = setTimeout(() => void look(), nextLookAfter(pollMs, performance.now() - started));
    return now;
  };

  // The first look says how large the folders are, and so whether to ask for events. A change made
  // before the events are listened to is one the next look sees.
  const watching = look().then((first) => (first.files <= eventsMaxFiles && !closed ? listen() : undefined));
  return {
    ready: watching.then((watcher) => ({ events: watcher !== undefined })),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(poll);
      await (await watching)?.close();
    },
  };
}
