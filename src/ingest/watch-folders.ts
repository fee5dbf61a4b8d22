// Watch mode: a burst of file events (an editor's save, a folder copied in) becomes one call to
// `onChange` once the folders have been quiet for a moment.
import { basename } from 'node:path';
import { watch } from 'chokidar';
import { CORPUS_EXTENSIONS } from './read-corpus.js';

export const QUIET_MS = 300;

export interface FolderWatch {
  /** Resolves once the initial scan is done and changes will be seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchFolders(roots: string[], onChange: () => void, quietMs = QUIET_MS): FolderWatch {
  const isRoot = (path: string) => roots.includes(path);
  const watcher = watch(roots, {
    ignoreInitial: true,
    // The same files readCorpus would read: hidden ones never, other kinds of file never.
    ignored: (path, stats) => !isRoot(path) && (basename(path).startsWith('.') || (!!stats?.isFile() && !CORPUS_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)))),
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, quietMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
