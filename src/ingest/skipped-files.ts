// The files the last read of the folders left out, with the reason for each, kept next to the index:
// the log says it once, `/docs` and `GET /api/documents` say it for as long as it holds (a start that
// finds no file changed reads nothing, and shows what the read before it found).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { SkippedFile } from './read-corpus.js';

const FILE = 'skipped.json';

export function recordSkipped(indexDir: string, skipped: readonly SkippedFile[]): void {
  mkdirSync(indexDir, { recursive: true });
  writeFileAtomic(join(indexDir, FILE), JSON.stringify(skipped));
}

/** What the last read skipped; none when nothing was recorded (or the record is unreadable). */
export function readSkipped(indexDir: string): SkippedFile[] {
  try {
    const list = JSON.parse(readFileSync(join(indexDir, FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((f): f is SkippedFile => typeof f?.path === 'string' && typeof f?.reason === 'string') : [];
  } catch {
    return [];
  }
}
