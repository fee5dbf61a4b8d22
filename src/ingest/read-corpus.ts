// The corpus folder → source files with stable, URL-safe document ids.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { decodeText } from './decode-text.js';

export const CORPUS_EXTENSIONS = ['.txt', '.md'];

export interface SourceFile {
  id: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  /** File name without extension: the title when the text has no headline. */
  name: string;
  text: string;
}

/** `news/2021/page-1.txt` → `news-2021-page-1`; a path that had to be changed gets a short hash to stay unique. */
export function documentId(relativePath: string): string {
  const stem = relativePath.slice(0, relativePath.length - extname(relativePath).length);
  const slug = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug === stem) return slug;
  const hash = createHash('sha256').update(relativePath).digest('hex').slice(0, 8);
  return `${slug || 'doc'}-${hash}`;
}

function listFiles(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, full, out);
    else if (entry.isFile() && CORPUS_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(full);
  }
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Files that could not be read as text are left out and reported through `skip`; the rest is read. */
export function readCorpus(root: string, skip: (file: SkippedFile) => void = () => {}): SourceFile[] {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`corpus folder not found: ${root}`);
  }
  const files: string[] = [];
  listFiles(root, root, files);
  return files.sort().flatMap((full) => {
    const path = relative(root, full).split(sep).join('/');
    const decoded = decodeText(readFileSync(full));
    if ('error' in decoded) {
      skip({ path, reason: decoded.error });
      return [];
    }
    const name = path.split('/').pop()!.replace(/\.[^.]+$/, '');
    return [{ id: documentId(path), path, name, text: decoded.text }];
  });
}
