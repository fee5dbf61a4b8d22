// The uploads folder: documents added through the API or the page, written as ordinary corpus files
// so that a restart, `npm run index` and watch mode all see them like any other file.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UPLOADS_PREFIX } from './read-sources.js';

const MAX_NAME_CHARS = 80;

/**
 * A safe file name keeping what a person would recognise: Chinese and most punctuation stay; path
 * separators, control and reserved characters go, and a leading dot (hidden file) is dropped.
 */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const stem = base.slice(0, base.length - extname(base).length) || base;
  const cleaned = stem
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return `${[...cleaned].slice(0, MAX_NAME_CHARS).join('') || 'document'}${extension}`;
}

/** Writes the file under a name not yet taken (`名.txt`, `名-2.txt`, …) and returns its corpus path. */
export function writeUpload(dir: string, fileName: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  let name = fileName;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${stem}-${n}${extension}`;
  writeFileAtomic(join(dir, name), bytes);
  return UPLOADS_PREFIX + name;
}

/** Where an uploaded file lives, given its corpus path (`@uploads/名.txt`). */
const uploadFile = (dir: string, path: string) => join(dir, path.slice(UPLOADS_PREFIX.length));

export const readUpload = (dir: string, path: string): Buffer => readFileSync(uploadFile(dir, path));

export function removeUpload(dir: string, path: string): void {
  rmSync(uploadFile(dir, path), { force: true });
}

/** Puts a removed upload back under its own name (a failed delete is undone). */
export function restoreUpload(dir: string, path: string, bytes: Buffer): void {
  writeFileAtomic(uploadFile(dir, path), bytes);
}
