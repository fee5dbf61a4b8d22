// The corpus folder → source files with stable, URL-safe document ids.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { readerFor } from './formats/format-reader.js';

/** Hidden files and folders are never read. */
export const isHiddenName = (name: string) => name.startsWith('.');

export const isCorpusFileName = (name: string) => !isHiddenName(name) && readerFor(name) !== undefined;

export interface SourceFile {
  id: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  /** File name without extension: the title when the text has no headline. */
  name: string;
  /** The text its format reader gave (for HTML, the text extracted from it): source offsets point into this. */
  text: string;
}

/** `page-1.txt` → `page-1`; a path that had to be changed (`news/第1版.txt` → `news-1-3f9a0c12`) gets a short hash of itself to stay unique. */
export function documentId(relativePath: string): string {
  const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length);
  const slug = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug === stem) return slug;
  const hash = createHash('sha256').update(relativePath).digest('hex').slice(0, 8);
  return `${slug || 'doc'}-${hash}`;
}

function listFiles(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !isHiddenName(entry.name)) listFiles(root, full, out);
    else if (entry.isFile() && isCorpusFileName(entry.name)) out.push(full);
  }
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Files that could not be read as text are left out and reported through `skip`; the rest is read. `prefix` goes before every relative path. */
export function readCorpus(root: string, skip: (file: SkippedFile) => void = () => {}, prefix = ''): SourceFile[] {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`corpus folder not found: ${root}`);
  }
  const files: string[] = [];
  listFiles(root, root, files);
  return files.sort().flatMap((full) => {
    const path = prefix + relative(root, full).split(sep).join('/');
    const read = readerFor(full)!.read(readFileSync(full));
    if ('error' in read) {
      skip({ path, reason: read.error });
      return [];
    }
    const name = path.split('/').pop()!.replace(/\.[^.]+$/, '');
    return [{ id: documentId(path), path, name, text: read.text }];
  });
}
