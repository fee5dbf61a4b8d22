// The corpus folder → source files with stable, URL-safe document ids. A file or folder that cannot be
// read (permissions, a file deleted mid-walk) is skipped and reported; the rest is read. Reading yields
// to the event loop between files, so a server re-indexing a large folder keeps answering.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { MAX_CORPUS_FILE_BYTES } from '../limits.js';
import { nextTurn } from '../util/next-turn.js';
import { ACCEPTED_EXTENSIONS, type ReadContext } from './formats/format-reader.js';
import { corpusFileNameTest, isHiddenName } from './corpus-file-names.js';
import type { ScanPage } from './formats/ocr.js';
import type { RowSpan } from './formats/table-rows.js';
import { ParseCache } from './parse-cache.js';

export const isCorpusFileName = corpusFileNameTest(ACCEPTED_EXTENSIONS);

export interface SourceFile {
  id: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  /** File name without extension: the title when the text has no headline. */
  name: string;
  /** The text its format reader gave (for HTML, the text extracted from it): source offsets point into this. */
  text: string;
  /** For scans: each page image and where its lines are, by offsets into `text`. */
  scans?: ScanPage[];
  /** For spreadsheets: where each row's line is in `text`, with its sheet and row number. */
  rows?: RowSpan[];
  /** The title the file's metadata gives, if any. */
  title?: string;
}

/** `page-1.txt` → `page-1`; a path that had to be changed (`news/第1版.txt` → `news-1-3f9a0c12`) gets a short hash of itself to stay unique. */
export function documentId(relativePath: string): string {
  const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length);
  const slug = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug === stem) return slug;
  const hash = createHash('sha256').update(relativePath).digest('hex').slice(0, 8);
  return `${slug || 'doc'}-${hash}`;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** An error of the file system as a reason a person can act on. */
const unreadable = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT') return 'was removed while it was being read';
  return `cannot be read: ${(err as Error).message}`;
};

function listFiles(dir: string, out: string[], skip: (dir: string, err: unknown) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    skip(dir, err);
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !isHiddenName(entry.name)) listFiles(full, out, skip);
    else if (entry.isFile() && isCorpusFileName(entry.name)) out.push(full);
  }
}

export interface ReadOptions {
  /** Called for each file or folder left out, with the reason. */
  skip?: (file: SkippedFile) => void;
  /** Goes before every relative path. */
  prefix?: string;
  /** Parses kept from an earlier read: an unchanged file is not parsed again. */
  cache?: ParseCache;
  /** OCR for page images; without it they are skipped. */
  context?: ReadContext;
  /** Called after each file, with how many of how many are done, and the path of the file when it was read (not skipped). */
  onFile?: (done: number, total: number, path?: string) => void;
}

/** Files that could not be read as text are left out and reported through `skip`; the rest is read. */
export async function readCorpus(root: string, { skip = () => {}, prefix = '', cache = new ParseCache(), context, onFile }: ReadOptions = {}): Promise<SourceFile[]> {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`corpus folder not found: ${root}`);
  }
  const pathOf = (full: string) => prefix + relative(root, full).split(sep).join('/');
  const fullPaths: string[] = [];
  listFiles(root, fullPaths, (dir, err) => skip({ path: `${pathOf(dir) || '.'}/`, reason: unreadable(err) }));
  const files: SourceFile[] = [];
  // Two files whose names differ only by extension (`notice.txt`, `notice.md`) would share an id: the
  // first in path order keeps it, a later one gets a hash of its path.
  const taken = new Set<string>();
  const uniqueId = (id: string, path: string) => {
    const unique = taken.has(id) ? `${id}-${createHash('sha256').update(path).digest('hex').slice(0, 8)}` : id;
    taken.add(unique);
    return unique;
  };
  const readOne = async (full: string): Promise<SourceFile | undefined> => {
    const path = pathOf(full);
    let bytes: Buffer;
    try {
      const size = statSync(full).size;
      if (size > MAX_CORPUS_FILE_BYTES) {
        skip({ path, reason: `the file is ${Math.ceil(size / 1024 / 1024)} MB; corpus files of at most ${MAX_CORPUS_FILE_BYTES / 1024 / 1024} MB are read` });
        return undefined;
      }
      bytes = readFileSync(full);
    } catch (err) {
      skip({ path, reason: unreadable(err) });
      return undefined;
    }
    const read = await cache.read(full, bytes, context);
    if ('error' in read) {
      skip({ path, reason: read.error });
      return undefined;
    }
    const name = path.split('/').pop()!.replace(/\.[^.]+$/, '');
    return { id: uniqueId(documentId(path), path), path, name, text: read.text, ...(read.scans ? { scans: read.scans } : {}), ...(read.rows ? { rows: read.rows } : {}), ...(read.title ? { title: read.title } : {}) };
  };
  for (const [done, full] of fullPaths.sort().entries()) {
    await nextTurn();
    const file = await readOne(full);
    if (file) files.push(file);
    onFile?.(done + 1, fullPaths.length, file?.path);
  }
  return files;
}
