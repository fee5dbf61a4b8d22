// Page images read by OCR on this machine (tesseract.js, local chi_sim data): the spaces Tesseract
// puts between Chinese characters are gone after cleaning, a scanned PDF page is rendered and read,
// each page is read once (then from the cache next to the index), and bad images are refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, describe, expect, it } from 'vitest';
import { imageReader, MAX_IMAGE_PIXELS, OCR_OFF } from '../../../src/ingest/formats/image-reader.js';
import { OcrPageReader, withPageReader } from '../../../src/ingest/formats/ocr.js';
import { looksTraditional } from '../../../src/ingest/formats/ocr-tesseract.js';
import { pdfReader } from '../../../src/ingest/formats/pdf-reader.js';
import { parseDocument } from '../../../src/ingest/parse-document.js';
import { scratchDir } from '../../support/engines.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/formats', name));
const cacheDir = join(scratchDir('ocr'), 'ocr-cache');
const ocr = new OcrPageReader({ cacheDir });
afterAll(() => ocr.close());

const bodyOf = (text: string) =>
  parseDocument('scan', 'scan', text, 'scan')
    .articles.flatMap((a) => a.paragraphs)
    .map((p) => ({ page: p.page, text: p.text }));

/** A PNG whose header claims this size (nothing after the header is needed to refuse it). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, Buffer.from('IHDR'), ihdr, Buffer.alloc(4)]);
}

describe('OCR', () => {
  it('reads a printed page image, and the cleaning removes the spaces between Chinese characters', async () => {
    const read = await imageReader.read(fixture('park-hours.png'), { ocr });
    if (!('text' in read)) throw new Error(read.error);
    expect(read.text).toMatch(/白 鹭 湖/);
    const body = bodyOf(read.text).map((p) => p.text);
    expect(body.join('\n')).toContain('白鹭湖公园每日开放时间调整为早上六点至晚上九点半');
  });

  it('reads a Traditional scan as written: read again with chi_tra when chi_sim finds Traditional characters', async () => {
    const read = await imageReader.read(fixture('library-hours-traditional.png'), { ocr });
    if (!('text' in read)) throw new Error(read.error);
    const body = bodyOf(read.text).map((p) => p.text).join('\n');
    expect(body).toContain('每週一及國定假日休館');
    expect(body).toContain('讀者憑借閱證可於自助借書機辦理借還手續');
  });

  it('tells a Traditional reading from a Simplified one by the Traditional characters in it', () => {
    expect(looksTraditional('在欧洲,梵语的学术研究,由德国学者陈特开创。後来威廉发现印欧语系,也要归功於对梵语的研究。此外,梵語研究,也对西方文字学及历史语言学的发展,貢獻不少。')).toBe(true);
    expect(looksTraditional('冀南新区推动党史学习教育走深走实，着力解决群众急难愁盼问题，补齐城市短板，办好惠民实事。')).toBe(false);
    // A Simplified page quoting one old name is still Simplified.
    expect(looksTraditional(`${'冀南新区推动党史学习教育走深走实，着力解决群众急难愁盼问题。'.repeat(20)}臺灣`)).toBe(false);
  });

  it('renders a PDF page without a text layer and reads it, with its page', async () => {
    const read = await pdfReader.read(fixture('bus-change-scan.pdf'), { ocr });
    if (!('text' in read)) throw new Error(read.error);
    const body = bodyOf(read.text);
    expect(body.map((p) => p.page)).toEqual(body.map(() => 1));
    expect(body.map((p) => p.text).join('\n')).toContain('首班车发车时间由六点半提前到六点十分');
  });

  it('reads a PDF page whose text layer is garbled by OCR, never the garbage', async () => {
    const read = await pdfReader.read(fixture('garbled-layer.pdf'), { ocr });
    if (!('text' in read)) throw new Error(read.error);
    const text = bodyOf(read.text).map((p) => p.text).join('\n');
    expect(text).toContain('六十五岁以上老人每年可免费体检一次');
    expect(text).not.toMatch(/[\u00c0-\u00ff]/);
  });

  it('reads each page once: another reader on the same cache never starts Tesseract', async () => {
    const read = ocr.recognized;
    expect(read).toBeGreaterThan(0);
    const again = new OcrPageReader({ cacheDir });
    try {
      expect(await again.read(fixture('park-hours.png'), { width: 1200, height: 1600 })).toMatchObject({ paragraphs: expect.any(Array) });
      expect(again.recognized).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('refuses what is no image, an image too large to read, and any image when OCR is off', async () => {
    expect(await imageReader.read(Buffer.from('这不是图片'), { ocr })).toEqual({ error: 'not a readable image' });
    expect(await imageReader.read(pngHeader(20_000, 20_000), { ocr })).toEqual({
      error: `the image is 20000 × 20000 pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read`,
    });
    expect(await imageReader.read(fixture('park-hours.png'))).toEqual({ error: OCR_OFF });
    expect(await pdfReader.read(fixture('bus-change-scan.pdf'))).toEqual({ error: `the PDF has no text layer: ${OCR_OFF}` });
  });

  it('refuses a damaged page image (truncated pixel data) with a reason, and reads the next page', async () => {
    const png = fixture('park-hours.png');
    // Tesseract's worker rejects the job; without an error handler tesseract.js throws that from its message handler and the process exits.
    const damaged = await imageReader.read(png.subarray(0, Math.floor(png.length / 2)), { ocr });
    expect(damaged).toEqual({ error: expect.stringMatching(/^the image could not be read: Tesseract could not read it/) });
    const fresh = new OcrPageReader();
    try {
      expect(await imageReader.read(png.subarray(0, Math.floor(png.length / 2)), { ocr: fresh })).toHaveProperty('error');
      const next = await imageReader.read(png, { ocr: fresh });
      expect('text' in next && next.text).toMatch(/白 鹭 湖/);
    } finally {
      await fresh.close();
    }
  });

  it('shares one Tesseract worker among readers working at the same time, and ends it after the last', async () => {
    const shared = join(scratchDir('ocr-shared'), 'ocr-cache');
    const readers: OcrPageReader[] = [];
    const page = fixture('park-hours.png');
    const texts = await Promise.all(
      [0, 1, 2].map(() =>
        withPageReader({ cacheDir: shared }, async (reader) => {
          readers.push(reader!);
          const read = await imageReader.read(page, { ocr: reader });
          return 'text' in read ? read.text : read.error;
        }),
      ),
    );
    expect(new Set(readers).size).toBe(1);
    expect(texts.every((t) => /白 鹭 湖/.test(t))).toBe(true);
    // Read once by Tesseract, then twice from the cache it had just written.
    expect(readers[0].recognized).toBe(1);
    const later = await withPageReader({ cacheDir: shared }, async (reader) => reader);
    expect(later).not.toBe(readers[0]);
  });

  it('refuses a TIFF that reads 10 × 10 to image-size and 20,000 × 20,000 to the decoder', async () => {
    // One directory of two entries (20,000 × 20,000, as a decoder reads it), then bytes shaped like two
    // more entries (10 × 10): image-size reads on past the directory's count and the last values win.
    const entry = (tag: number, value: number) => {
      const e = Buffer.alloc(12);
      e.writeUInt16LE(tag, 0);
      e.writeUInt16LE(4, 2);
      e.writeUInt32LE(1, 4);
      e.writeUInt32LE(value, 8);
      return e;
    };
    const count = Buffer.alloc(2);
    count.writeUInt16LE(2);
    // The 12 bytes after the directory start with its next-directory offset; as an entry, tag 1, skipped by both.
    const bytes = Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]), count, entry(256, 20_000), entry(257, 20_000), entry(1, 0), entry(256, 10), entry(257, 10), Buffer.alloc(12)]);
    expect(imageSize(bytes)).toMatchObject({ width: 10, height: 10 });
    expect(await imageReader.read(bytes, { ocr })).toEqual({ error: `the image is 20000 × 20000 pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read` });
  });
});
