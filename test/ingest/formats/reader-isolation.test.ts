// Files are read in a child process (`read-isolated.ts`): a file that crashes its decoder, inflates past
// any reason or takes a long read costs its own reading, with the reason, while this process keeps
// turning and the next file is read as usual.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DOCX_PART_BYTES } from '../../../src/ingest/formats/docx-reader.js';
import { OcrPageReader } from '../../../src/ingest/formats/ocr.js';
import { readIsolated } from '../../../src/ingest/formats/read-isolated.js';
import { pdfWithPages, textPage } from '../../support/make-pdf.js';
import { docxWithBody } from '../../support/make-zip.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/formats', name));

/** The longest stretch this process's event loop went without a turn while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe('reading in a child process', () => {
  it('survives a .doc whose sector chain loops (V8 aborts its reader), and reads the next .doc', async () => {
    const doc = Buffer.from(fixture('canteen-report.doc'));
    // The file allocation table is sector 0 (bytes 512…); sector 14 ends a stream's chain: point it back at 13.
    doc.writeUInt32LE(13, 512 + 14 * 4);
    expect(await readIsolated('loop.doc', doc)).toEqual({ error: expect.stringMatching(/^its reader crashed/) });
    const next = await readIsolated('canteen-report.doc', fixture('canteen-report.doc'));
    expect('text' in next && next.text).toContain('第三中学食堂检查情况通报');
  }, 60_000);

  it('refuses a 150 KB .docx whose document.xml inflates to 97 MB before inflating it', async () => {
    const bomb = docxWithBody(Buffer.from('<w:p/>'.repeat(17_000_000)));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await readIsolated('bomb.docx', bomb)).toEqual({ error: `its word/document.xml inflates to 97 MB; at most ${MAX_DOCX_PART_BYTES / 1024 / 1024} MB are read` });
    const small = await readIsolated('ok.docx', docxWithBody(Buffer.from('<w:p><w:r><w:t>图书馆开放时间为早上八点。</w:t></w:r></w:p>')));
    expect('text' in small && small.text).toContain('图书馆开放时间为早上八点。');
  }, 60_000);

  it('reads a 2,000-page PDF while this process keeps turning', async () => {
    const book = pdfWithPages(Array.from({ length: 2000 }, (_, i) => textPage(Array.from({ length: 30 }, (_, l) => `Page ${i + 1} line ${l + 1} of the water supply report.`))));
    const { result, stallMs } = await longestStall(() => readIsolated('book.pdf', book));
    expect('text' in result && result.text).toContain('Page 2000 line 30 of the water supply report.');
    // pdf.js on this thread held it for the whole read (30 s for a book like this one).
    expect(stallMs).toBeLessThan(500);
  }, 120_000);

  it('checks a scanned page\'s size before rendering it: 8,000 × 8,000 pt pages are not turned into images', async () => {
    const ocr = new OcrPageReader();
    try {
      const pages = pdfWithPages([Buffer.from(''), Buffer.from(''), Buffer.from('')], { width: 8000, height: 8000 });
      const started = performance.now();
      expect(await readIsolated('huge-scan.pdf', pages, { ocr })).toEqual({ error: 'the PDF holds no text, not even by OCR' });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(ocr.recognized).toBe(0);
    } finally {
      await ocr.close();
    }
  }, 60_000);
});
