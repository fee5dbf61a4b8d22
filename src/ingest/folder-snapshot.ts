// What watch mode compares between two looks at the folders, and what a start compares with the
// stored build's: a digest of every corpus file's path, size and modification time. Cheap to take (no file is
// opened), and blind to nothing the index reads. Imports nothing heavy: it also runs in a worker
// thread (`folder-digest.ts`).
import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { nextTurn } from '../util/next-turn.js';
import { isHiddenName } from './corpus-file-names.js';

/** A file deleted between the listing and the stat, or one that cannot be looked at, is simply not there (reading skips it too). */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Hands `found` each folder's corpus files as lines (path, size, modification time), folders and files
 * in name order, so two looks at the same folders give the same lines in the same order. Synchronous
 * within a folder (a few µs a file), with a turn of the event loop between folders.
 */
async function walk(dir: string, isCorpusFile: (name: string) => boolean, found: (lines: string[]) => void): Promise<void> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.isFile() && isCorpusFile(entry.name)) {
      const full = join(dir, entry.name);
      const info = statOrNothing(full);
      if (info) lines.push(`${full}\t${info.size}\t${info.mtimeMs}`);
    }
  }
  found(lines);
  for (const entry of entries) {
    if (entry.isDirectory() && !isHiddenName(entry.name)) {
      await nextTurn();
      await walk(join(dir, entry.name), isCorpusFile, found);
    }
  }
}

export interface FolderSnapshot {
  /**
   * A short digest of the folders' corpus files (names `isCorpusFile` accepts: their paths, sizes and
   * modification times) and of how they are read (`reading`: settings such as OCR that change what a
   * file gives). Equal digests mean no corpus file was added, removed or written to in between; a
   * missing folder is empty. A build records it, so a start on unchanged folders can load the index
   * without reading a single file.
   */
  digest: string;
  /** How many corpus files the folders hold. */
  files: number;
}

export async function snapshotFolders(roots: string[], isCorpusFile: (name: string) => boolean, reading: string): Promise<FolderSnapshot> {
  // Hashed a folder at a time: a million files' lines are never all held at once.
  const hash = createHash('sha256');
  let files = 0;
  for (const root of roots) {
    await walk(root, isCorpusFile, (found) => {
      files += found.length;
      hash.update(found.map((line) => `${line}\n`).join(''));
    });
  }
  return { digest: hash.update('\0').update(reading).digest('hex').slice(0, 16), files };
}
