// Reading page images on this machine: tesseract.js 7 with the Simplified Chinese data from the
// @tesseract.js-data/chi_sim package (a local path, so nothing is ever downloaded). Each page's result
// is kept by the hash of the image next to the index, so a restart or a re-index never reads an
// unchanged page twice. Tesseract runs in a worker thread: the server keeps answering meanwhile.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import chiSim from '@tesseract.js-data/chi_sim';
import { createWorker, type Worker } from 'tesseract.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrLine {
  text: string;
  box: Box;
}

/** One page image as read: its lines, grouped in paragraphs as Tesseract found them. */
export interface OcrPage {
  width: number;
  height: number;
  paragraphs: OcrLine[][];
}

/** What a reader needs to read an image. */
export interface PageReader {
  read(image: Buffer, size: { width: number; height: number }): Promise<OcrPage>;
}

/**
 * The page's text, a paragraph per block: Tesseract puts a space between almost every pair of Chinese
 * characters, which the line cleaning removes as it does the seeds' OCR spaces; a paragraph's lines are
 * joined (a space only where both sides are Latin or digits, which the cleaning keeps).
 */
export function ocrPageText(page: OcrPage): string {
  return page.paragraphs.map((lines) => lines.map((l) => l.text.trim()).join(' ')).join('\n\n');
}

export interface OcrOptions {
  /** Where each page's result is kept (`<index>/ocr-cache`). */
  cacheDir?: string;
  log?: (line: string) => void;
}

export class TesseractPageReader implements PageReader {
  private worker: Promise<Worker> | undefined;
  /** Pages Tesseract actually read (not from the cache). */
  recognized = 0;
  private started = 0;

  constructor(private readonly options: OcrOptions = {}) {}

  async read(image: Buffer, size: { width: number; height: number }): Promise<OcrPage> {
    const key = createHash('sha256').update(image).digest('hex');
    const cached = this.options.cacheDir ? join(this.options.cacheDir, `${key}.json`) : undefined;
    if (cached && existsSync(cached)) {
      try {
        return JSON.parse(readFileSync(cached, 'utf8')) as OcrPage;
      } catch {
        // A damaged cache entry is read again below and rewritten.
      }
    }
    this.started ||= performance.now();
    this.worker ??= createWorker(chiSim.code, 1, { langPath: chiSim.langPath, gzip: chiSim.gzip, cacheMethod: 'none' });
    const { data } = await (await this.worker).recognize(image, {}, { blocks: true, text: false });
    const paragraphs = (data.blocks ?? []).flatMap((b) => b.paragraphs.map((p) => p.lines.map((l) => ({ text: l.text, box: l.bbox }))));
    const page: OcrPage = { ...size, paragraphs: paragraphs.filter((lines) => lines.some((l) => l.text.trim() !== '')) };
    if (cached) writeFileAtomic(cached, JSON.stringify(page));
    this.recognized++;
    const seconds = (performance.now() - this.started) / 1000;
    this.options.log?.(`OCR: ${this.recognized} page${this.recognized > 1 ? 's' : ''} read, ${(this.recognized / seconds).toFixed(2)} pages/s`);
    return page;
  }

  /** Ends the worker thread, so a command can exit. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}

/** Runs `work` with a page reader whose worker thread ends afterwards; none when OCR is off. */
export async function withPageReader<T>(ocr: OcrOptions | undefined, work: (reader: PageReader | undefined) => Promise<T>): Promise<T> {
  if (!ocr) return work(undefined);
  const reader = new TesseractPageReader(ocr);
  try {
    return await work(reader);
  } finally {
    await reader.close();
  }
}
