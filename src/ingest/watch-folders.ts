// Watch mode: a burst of file events (an editor's save, a folder copied in) becomes one call to
// `onChange` once the folders have been quiet for a moment. File-system events are not delivered
// everywhere (network mounts, some containers and sandboxes), so a periodic snapshot of the
// folders catches what they miss.
import { basename } from 'node:path';
import { watch } from 'chokidar';
import { snapshotFolders } from './folder-snapshot.js';
import { isCorpusFileName, isHiddenName } from './read-corpus.js';

export const QUIET_MS = 300;
export const POLL_MS = 2_000;

export interface FolderWatch {
  /** Resolves once the initial scan is done and changes will be seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  quietMs?: number;
  pollMs?: number;
  /** Where file-system events come from: chokidar's `watch`, unless the caller stands in for a file system that sends none. */
  eventSource?: typeof watch;
}

export function watchFolders(roots: string[], onChange: () => void, { quietMs = QUIET_MS, pollMs = POLL_MS, eventSource = watch }: WatchOptions = {}): FolderWatch {
  const isRoot = (path: string) => roots.includes(path);
  const watcher = eventSource(roots, {
    ignoreInitial: true,
    // The same files readCorpus would read: hidden ones never, other kinds of file never.
    ignored: (path, stats) => !isRoot(path) && (isHiddenName(basename(path)) || (!!stats?.isFile() && !isCorpusFileName(basename(path)))),
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
  });
  let timer: NodeJS.Timeout | undefined;
  let eventSeen = false;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, quietMs);
  };
  watcher.on('all', () => {
    eventSeen = true;
    changed();
  });
  // An unwatchable folder (permissions, too many watches) must not stop the server: the snapshots still run.
  watcher.on('error', () => {});

  let closed = false;
  let poll: NodeJS.Timeout | undefined;
  let last: string | undefined;
  const look = async () => {
    const now = await snapshotFolders(roots);
    // A difference the events already reported is not reported twice.
    if (last !== undefined && now !== last && !eventSeen) changed();
    eventSeen = false;
    last = now;
    if (!closed) poll = setTimeout(() => void look(), pollMs);
  };

  const ready = Promise.all([new Promise<void>((resolve) => watcher.once('ready', () => resolve())), look()]).then(() => {});
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(poll);
      await watcher.close();
    },
  };
}
