// A replica's view of the index folder: the newest complete build, and each newer one as the writer
// makes it. The writer switches CURRENT only after a build is whole, so following CURRENT never sees a
// half-written index; a build that cannot be read (a writer's second build already removed it) is
// tried again on the next look.
import type { CorpusIndex } from '../search/index/corpus-index.js';
import { currentBuild, loadCurrentIndex, type Fingerprint } from '../search/index/index-store.js';
import { backendOfBuild } from '../search/index/backends.js';

export interface LoadedBuild {
  index: CorpusIndex;
  fingerprint: Fingerprint;
  build: string;
}

/** How often a replica looks at CURRENT: a new build is served within this plus its load time. */
export const FOLLOW_EVERY_MS = 1000;

/** Waits until the folder holds a complete index (the writer may not have built one yet) and loads it. */
export async function waitForIndex(indexDir: string, log: (line: string) => void, everyMs = FOLLOW_EVERY_MS): Promise<LoadedBuild> {
  let said = '';
  for (;;) {
    const loaded = await loadCurrentIndex(indexDir, backendOfBuild);
    if ('index' in loaded) return loaded;
    if (loaded.reason !== said) log(`waiting for the writer's index in ${indexDir}: ${loaded.reason}`);
    said = loaded.reason;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Looks at CURRENT every `everyMs` and hands each new complete build to `swap`; returns the stop function. */
export function followIndex(indexDir: string, servingBuild: string, swap: (loaded: LoadedBuild) => void, log: (line: string) => void, everyMs = FOLLOW_EVERY_MS): () => void {
  let serving = servingBuild;
  let loading = false;
  const look = async () => {
    const current = currentBuild(indexDir);
    if (loading || 'reason' in current || current.build === serving) return;
    loading = true;
    try {
      const loaded = await loadCurrentIndex(indexDir, backendOfBuild);
      if ('index' in loaded) {
        serving = loaded.build;
        swap(loaded);
        log(`now serving ${loaded.build}: ${loaded.index.corpus.passageCount} passages from ${loaded.index.corpus.documents.length} documents`);
      } else {
        log(`new index ${current.build} not loaded yet (${loaded.reason}); trying again`);
      }
    } catch (err) {
      log(`new index ${current.build} not loaded yet (${(err as Error).message}); trying again`);
    } finally {
      loading = false;
    }
  };
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
