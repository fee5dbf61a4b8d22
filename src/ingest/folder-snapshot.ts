// What watch mode compares between two looks at the folders, and what a restart compares with the
// stored build's: every corpus file's path, size and modification time. Cheap to take (no file is
// opened), and blind to nothing the index reads.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nextTurn } from '../util/next-turn.js';
import { isCorpusFileName, isHiddenName } from './read-corpus.js';

/** Synchronous within a folder (about 2 µs a file), with a turn of the event loop between folders. */
async function collect(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !isHiddenName(entry.name)) {
      await nextTurn();
      await collect(full, out);
    } else if (entry.isFile() && isCorpusFileName(entry.name)) {
      // A file deleted between the listing and the stat is simply not there.
      const info = statSync(full, { throwIfNoEntry: false });
      if (info) out.push(`${full}\t${info.size}\t${info.mtimeMs}`);
    }
  }
}

/** Equal snapshots mean no corpus file was added, removed or written to in between. A missing folder is empty. */
export async function snapshotFolders(roots: string[]): Promise<string> {
  const lines: string[] = [];
  for (const root of roots) await collect(root, lines);
  return lines.sort().join('\n');
}

/**
 * A short digest of the folders' snapshot and of how their files are read (`reading`: settings such as
 * OCR that change what a file gives). A build records it, so a restart on unchanged folders can load
 * the index without reading a single file.
 */
export async function snapshotDigest(roots: string[], reading: string): Promise<string> {
  return createHash('sha256').update(await snapshotFolders(roots)).update('\0').update(reading).digest('hex').slice(0, 16);
}
