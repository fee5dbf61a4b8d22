// PP-OCRv4, chosen with OCR_ENGINE=ppocr: it reads a page image into paragraphs of lines with their
// boxes, and a page another engine read before is read again by it, never taken from the cache.
// (Isolated: its onnxruntime session takes about 900 MB, given back with the process.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { OcrPageReader, ocrPageText } from '../../../src/ingest/formats/ocr.js';
import { paragraphsOf } from '../../../src/ingest/formats/ocr-ppocr.js';
import { scratchDir } from '../../support/engines.js';

const SIZE = { width: 1200, height: 1600 };

describe('PP-OCRv4', () => {
  it('is chosen by OCR_ENGINE, and a name no engine has is refused', () => {
    expect(loadConfig([], { OCR_ENGINE: 'ppocr' }).ocrEngine).toBe('ppocr');
    expect(loadConfig([], {}).ocrEngine).toBe('tesseract');
    expect(() => loadConfig([], { OCR_ENGINE: 'paddle' })).toThrow('OCR_ENGINE must be one of tesseract, ppocr, not paddle');
  });

  it('groups lines into paragraphs where the gap between them is wider than a line', () => {
    const line = (text: string, y0: number) => ({ text, box: { x0: 10, y0, x1: 500, y1: y0 + 20 } });
    expect(paragraphsOf([line('第三行', 100), line('第一行', 10), line('第二行', 35)]).map((p) => p.map((l) => l.text))).toEqual([['第一行', '第二行'], ['第三行']]);
  });

  it('reads a page image into paragraphs of lines with boxes, re-reading a page another engine cached', async () => {
    const cacheDir = join(scratchDir('ppocr'), 'ocr-cache');
    const image = readFileSync('test/fixtures/formats/park-hours.png');
    const tesseract = new OcrPageReader({ cacheDir });
    await tesseract.read(image, SIZE);
    await tesseract.close();
    const ppocr = new OcrPageReader({ cacheDir, engine: 'ppocr' });
    try {
      const page = await ppocr.read(image, SIZE);
      expect(ppocr.recognized).toBe(1);
      expect(page.paragraphs[0].map((l) => l.text)).toEqual(['白鹭湖公园开放时间调整']);
      expect(ocrPageText(page).text).toContain('单程票价五元');
      for (const { box } of page.paragraphs.flat()) {
        expect(box.x1).toBeGreaterThan(box.x0);
        expect(box.y1).toBeGreaterThan(box.y0);
        expect(box.y1).toBeLessThanOrEqual(SIZE.height);
      }
      const cached = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
      expect(JSON.parse(readFileSync(join(cacheDir, cached[0]), 'utf8')).engine).toBe('ppocr v4');
    } finally {
      await ppocr.close();
    }
  });
});
