// What one file can cost reading is bounded: a corpus file too large to hold is skipped before it is
// read, lines that never end a sentence are joined in linear time, and a `#` line of any length is not
// a heading that every passage of its part would carry.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { MAX_HEADING_CHARS } from '../../src/ingest/clean-line.js';
import { documentOf } from '../../src/ingest/document-of.js';
import { readCorpus, type SkippedFile } from '../../src/ingest/read-corpus.js';
import { buildParagraphs } from '../../src/ingest/build-paragraphs.js';
import { MAX_CORPUS_FILE_BYTES } from '../../src/limits.js';

const root = mkdtempSync(join(tmpdir(), 'xunyuan-bounded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('skips a corpus file larger than the limit, with its size, before reading it, and reads the rest', async () => {
  mkdirSync(join(root, 'corpus'));
  writeFileSync(join(root, 'corpus', 'notice.txt'), '图书馆周六开放。\n');
  const huge = join(root, 'corpus', 'dump.txt');
  // Sparse: the size is there, the bytes are not.
  writeFileSync(huge, '');
  truncateSync(huge, MAX_CORPUS_FILE_BYTES + 1024 * 1024);
  const skipped: SkippedFile[] = [];
  const files = await readCorpus(join(root, 'corpus'), { skip: (f) => skipped.push(f) });
  expect(files.map((f) => f.path)).toEqual(['notice.txt']);
  expect(skipped).toEqual([{ path: 'dump.txt', reason: `the file is ${MAX_CORPUS_FILE_BYTES / 1024 / 1024 + 1} MB; corpus files of at most ${MAX_CORPUS_FILE_BYTES / 1024 / 1024} MB are read` }]);
});

it('joins 1.3 MB of lines that never end a Chinese sentence (a log, English prose) in linear time', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `this is line ${i} of an english log entry without a chinese stop`);
  const started = performance.now();
  const paragraphs = buildParagraphs(lines.join('\n'));
  // Re-reading the growing paragraph for every joined line took 12–50 s here.
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(paragraphs).toHaveLength(1);
  expect(paragraphs[0].text).toBe(lines.join(' '));
});

it('reads a `#` line longer than a heading can be as text: its part\'s passages do not carry it', () => {
  const long = '很长的标题'.repeat(60_000);
  const parts = Array.from({ length: 200 }, (_, i) => `## 第${i + 1}部分\n\n这一部分的内容。`).join('\n\n');
  const { passages } = documentOf({ id: 'd', path: 'd.md', name: 'd', text: `# ${long}\n\n${parts}\n` });
  expect(passages.every((p) => p.title.length <= MAX_HEADING_CHARS * 2)).toBe(true);
  const bytes = passages.reduce((n, p) => n + p.title.length + p.text.length, 0);
  expect(bytes).toBeLessThan(3 * long.length);
});
