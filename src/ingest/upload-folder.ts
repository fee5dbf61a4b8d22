// The uploads folder: documents added through the API or the page, written as ordinary corpus files
// so that a restart, `npm run index` and watch mode all see them like any other file.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UPLOADS_PREFIX } from './read-sources.js';

/**
 * File names are limited in bytes (255 on most file systems), not characters: 80 Chinese characters
 * are 240 bytes. This leaves room for a `-12` suffix, the extension and the temporary-file suffix.
 */
const MAX_NAME_BYTES = 180;

/**
 * Every name ever given to an upload, one per line (hidden, so never indexed). A deleted upload's
 * name, and so its document id, is never given again: a late DELETE cannot remove a newer document.
 */
const NAMES_USED = '.names-used';

/** The longest prefix of `text` within `bytes` bytes of UTF-8, whole characters only. */
function withinBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

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
  return `${withinBytes(cleaned, MAX_NAME_BYTES).trimEnd() || 'document'}${extension}`;
}

const namesUsed = (dir: string) => new Set(existsSync(join(dir, NAMES_USED)) ? readFileSync(join(dir, NAMES_USED), 'utf8').split('\n') : []);

/** Writes the file under a name never given before (`名.txt`, `名-2.txt`, …) and returns its corpus path. */
export function writeUpload(dir: string, fileName: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  const used = namesUsed(dir);
  let name = fileName;
  for (let n = 2; used.has(name) || existsSync(join(dir, name)); n++) name = `${stem}-${n}${extension}`;
  writeFileAtomic(join(dir, name), bytes);
  appendFileSync(join(dir, NAMES_USED), `${name}\n`);
  return UPLOADS_PREFIX + name;
}

/** The corpus path of an upload with exactly these bytes, if there is one: the same file sent twice is one document. */
export function findSameUpload(dir: string, bytes: Buffer): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (statSync(path).size === bytes.byteLength && readFileSync(path).equals(bytes)) return UPLOADS_PREFIX + entry.name;
  }
  return undefined;
}

/** Where an uploaded file lives, given its corpus path (`@uploads/名.txt`). */
const uploadFile = (dir: string, path: string) => join(dir, path.slice(UPLOADS_PREFIX.length));

export function removeUpload(dir: string, path: string): void {
  rmSync(uploadFile(dir, path), { force: true });
}

/**
 * Takes an upload out of the corpus by renaming it to a hidden name (no space needed, nothing lost),
 * and returns how to finish: `commit` deletes it, `undo` puts it back.
 */
export function setUploadAside(dir: string, path: string): { commit: () => void; undo: () => void } {
  const file = uploadFile(dir, path);
  const aside = join(dir, `.deleting-${Date.now()}-${process.pid}`);
  renameSync(file, aside);
  return { commit: () => rmSync(aside, { force: true }), undo: () => renameSync(aside, file) };
}
