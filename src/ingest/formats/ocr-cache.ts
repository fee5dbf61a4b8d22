// The OCR cache's owner: after each read of the folders, the pages no document holds any more (a file
// deleted or changed, an upload refused) leave the cache, so it stays the size of what is indexed.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A cache entry's file: `<sha256>.json` (the page as read) or `<sha256>.img` (the image, for the source view). */
const ENTRY = /^([0-9a-f]{64})\.(?:json|img)$/;

/** Removes every page not in `keep` (image keys); returns what is left and what went. */
export function pruneOcrCache(cacheDir: string, keep: ReadonlySet<string>): { pages: number; bytes: number; removed: number } {
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return { pages: 0, bytes: 0, removed: 0 };
  }
  const kept = new Set<string>();
  const removed = new Set<string>();
  let bytes = 0;
  for (const name of entries) {
    const key = ENTRY.exec(name)?.[1];
    if (!key) continue;
    const path = join(cacheDir, name);
    if (keep.has(key)) {
      kept.add(key);
      bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    } else {
      rmSync(path, { force: true });
      removed.add(key);
    }
  }
  return { pages: kept.size, bytes, removed: removed.size };
}
