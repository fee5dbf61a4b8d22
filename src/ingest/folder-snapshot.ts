// What watch mode compares between two looks at the folders: every corpus file's path, size and
// modification time. Cheap to take (no file is opened), and blind to nothing the index reads.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isCorpusFileName, isHiddenName } from './read-corpus.js';

async function collect(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !isHiddenName(entry.name)) await collect(full, out);
    else if (entry.isFile() && isCorpusFileName(entry.name)) {
      // A file deleted between the listing and the stat is simply not there.
      const info = await stat(full).catch(() => undefined);
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
