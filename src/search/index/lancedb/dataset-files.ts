// The Lance dataset's own files, listed with their sizes and checksums when a build is saved and checked
// when it is opened. The index store's manifest checks the files it reads itself; the dataset is read by
// LanceDB, which serves a damaged data, index or version file as errors or wrong answers instead of
// refusing it. A mismatch here makes the build damaged, so it is rebuilt.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesUnder } from '../../../util/files-under.js';

export const DATASET_FILES = 'lancedb-files.json';

interface DatasetFile {
  path: string;
  size: number;
  sha256: string;
  /** When it was last written: a file linked from an earlier build keeps it, one Lance replaced does not. */
  mtimeMs?: number;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The same checksum, the file read in chunks with the event loop free between them: a save runs beside questions. */
async function sha256Streamed(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Every file of the dataset at `root`, for DATASET_FILES. A file an earlier listing (`known`, of the
 * build the dataset was copied from) holds at the same path, size and time of writing keeps its
 * checksum: it is the same file, hard-linked, so an update hashes only the files Lance wrote. Lance
 * writes a new file for each version, except its version hint, which it replaces (a new file, a new time).
 */
export async function listDataset(root: string, known?: Buffer): Promise<Buffer> {
  const key = (f: Omit<DatasetFile, 'sha256'>) => `${f.path}\u0000${f.size}\u0000${f.mtimeMs}`;
  const before = new Map((known ? (JSON.parse(known.toString('utf8')) as DatasetFile[]) : []).filter((f) => f.mtimeMs !== undefined).map((f) => [key(f), f.sha256]));
  const files: DatasetFile[] = [];
  for (const full of filesUnder(root).sort()) {
    const path = relative(root, full).split(sep).join('/');
    const { size, mtimeMs } = statSync(full);
    files.push({ path, size, mtimeMs, sha256: before.get(key({ path, size, mtimeMs })) ?? (await sha256Streamed(full)) });
  }
  return Buffer.from(JSON.stringify(files));
}

/**
 * Throws, naming the first file, when the dataset at `root` is not the one `listed` describes. A file
 * of the listed size and time of writing is taken as the one listed, as `listDataset` takes it, and is
 * not hashed again: hashing every file made a restart at a million passages read its 3.5 GB dataset
 * whole, most of the restart's 7 s (BENCHMARKS.md "Eighth session"). A file written since, or copied
 * without its time (another machine, a backup), is hashed.
 */
export function checkDataset(root: string, listed: Buffer): void {
  const files = JSON.parse(listed.toString('utf8')) as DatasetFile[];
  for (const file of files) {
    const full = join(root, ...file.path.split('/'));
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat === undefined) throw new Error(`index file lancedb/${file.path} is missing`);
    if (stat.size !== file.size || (stat.mtimeMs !== file.mtimeMs && sha256(full) !== file.sha256)) throw new Error(`index file lancedb/${file.path} is corrupt (checksum mismatch)`);
  }
}
