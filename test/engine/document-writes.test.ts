// A write the index cannot take because the disk is full is a 507 with nothing changed, whether the
// error carries a code (Node's ENOSPC) or only the system's words (LanceDB: "os error 28").
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { addDocument } from '../../src/engine/document-writes.js';
import { scratchDir } from '../support/engines.js';

/** An engine whose re-index fails as LanceDB fails on a full disk. */
function engineOnFullDisk(uploadsDir: string): AnswerEngine {
  return {
    uploadsDir,
    ocr: undefined,
    documents: () => [],
    refresh: () => Promise.reject(new Error('lance error: LanceError(IO): Generic LocalFileSystem error: No space left on device (os error 28)')),
  } as unknown as AnswerEngine;
}

it('refuses an upload with 507 when LanceDB says the disk is full, and leaves no file', async () => {
  const uploadsDir = join(scratchDir('full-disk'), 'uploads');
  mkdirSync(uploadsDir, { recursive: true });
  const result = await addDocument(engineOnFullDisk(uploadsDir), { fileName: '通知.txt', bytes: Buffer.from('本周六图书馆闭馆一天，进行设备检修。') });
  expect(result).toEqual({ error: { status: 507, code: 'insufficient_storage', message: 'the disk is full; nothing was changed' } });
  expect(readdirSync(uploadsDir).filter((n) => !n.startsWith('.'))).toEqual([]);
});
