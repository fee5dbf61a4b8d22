// Reading page images on this machine, with an OCR engine that runs here (nothing is ever downloaded):
// Tesseract by default (`ocr-tesseract.ts`), PP-OCRv4 by choice (`ocr-ppocr.ts`). Each page's result
// is kept by the hash of the image next to the index, so a restart or a re-index never reads an
// unchanged page twice. The engines work off the main thread: the server keeps answering meanwhile.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { TesseractEngine } from './ocr-tesseract.js';

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
  /** The image's key in the OCR cache (the sha256 of its bytes): the source view shows it from there. */
  image: string;
  width: number;
  height: number;
  paragraphs: OcrLine[][];
}

/** A line of a scan as the rest of xunyuan keeps it: where its text is in the reader's text, where it is on the image. */
export interface ScanLine {
  start: number;
  end: number;
  box: Box;
}

/**
 * A page of a document as an image: a scan (its image by cache key, its lines as OCR found them), or a
 * PDF page with a text layer (`rendered`: its image is drawn from the PDF when first viewed, under the
 * same kind of key, and its lines are where pdf.js placed them). Its size, its page number in a PDF.
 */
export interface ScanPage {
  image: string;
  width: number;
  height: number;
  page?: number;
  lines: ScanLine[];
  rendered?: true;
}

/** What a reader needs to read an image. */
export interface PageReader {
  read(image: Buffer, size: { width: number; height: number }): Promise<OcrPage>;
}

/**
 * The page's text, a paragraph per block, and where each line of it is: Tesseract puts a space between
 * almost every pair of Chinese characters, which the line cleaning removes as it does the seeds' OCR
 * spaces; a paragraph's lines are joined by a space, which the cleaning keeps only between Latin words.
 */
export function ocrPageText(page: OcrPage, offset = 0, pageNumber?: number): { text: string; scan: ScanPage } {
  let text = '';
  const lines: ScanLine[] = [];
  page.paragraphs.forEach((paragraph, p) => {
    if (p > 0) text += '\n\n';
    paragraph.forEach((line, l) => {
      if (l > 0) text += ' ';
      const start = offset + text.length;
      text += line.text.trim();
      lines.push({ start, end: offset + text.length, box: line.box });
    });
  });
  const scan: ScanPage = { image: page.image, width: page.width, height: page.height, ...(pageNumber ? { page: pageNumber } : {}), lines };
  return { text, scan };
}

/** Where the OCR cache keeps a page's image, for the source view. */
export const scanImagePath = (cacheDir: string, image: string) => join(cacheDir, `${image}.img`);

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', tiff: 'image/tiff' };

/** A cached page image and its media type, if it is still there (its key is a hex hash: never a path). */
export function readScanImage(cacheDir: string, image: string): { bytes: Buffer; type: string } | undefined {
  if (!/^[0-9a-f]{64}$/.test(image)) return undefined;
  const path = scanImagePath(cacheDir, image);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  let format: string | undefined;
  try {
    format = imageSize(bytes).type;
  } catch {
    return undefined;
  }
  return { bytes, type: IMAGE_TYPES[format ?? ''] ?? 'application/octet-stream' };
}

/** The engines OCR can run: Tesseract (the default) or PP-OCRv4 (`OCR_ENGINE=ppocr`; `npm run bench:ocr` compares them). */
export const OCR_ENGINES = ['tesseract', 'ppocr'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];
export const isOcrEngineName = (name: string): name is OcrEngineName => (OCR_ENGINES as readonly string[]).includes(name);

export interface OcrOptions {
  /** Where each page's result is kept (`<index>/ocr-cache`). */
  cacheDir?: string;
  engine?: OcrEngineName;
}

/** One OCR engine: an image's lines, grouped in paragraphs, with their boxes on the image. */
export interface OcrEngine {
  /** Named in each cached page, so a page read by another engine (or an older one) is read again. */
  readonly name: string;
  recognize(image: Buffer, size: { width: number; height: number }): Promise<OcrLine[][]>;
  close(): Promise<void>;
}

/** A page as the cache keeps it: the page, and the engine that read it. */
type CachedPage = OcrPage & { engine?: string };

/**
 * Tesseract is loaded with this module, before the server listens: loading it on the first page took
 * the main thread long enough to hold /healthz past a second. PP-OCR (onnxruntime, sharp) is loaded
 * only when chosen.
 */
async function engineFor(name: OcrEngineName): Promise<OcrEngine> {
  if (name === 'ppocr') return new (await import('./ocr-ppocr.js')).PpOcrEngine();
  return new TesseractEngine();
}

/** Reads page images with the chosen engine, a page at a time, each page once (its result kept by the image's hash). */
export class OcrPageReader implements PageReader {
  private engine: Promise<OcrEngine> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Pages the engine actually read (not from the cache). */
  recognized = 0;
  /** When the engine was first needed, for the rate. */
  started = 0;

  constructor(private readonly options: OcrOptions = {}) {}

  /** One page at a time: readers sharing this one (`withPageReader`) queue here, so a page two of them bring is read once. */
  read(image: Buffer, size: { width: number; height: number }): Promise<OcrPage> {
    const turn = this.queue.then(() => this.readNow(image, size));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async readNow(image: Buffer, size: { width: number; height: number }): Promise<OcrPage> {
    const key = createHash('sha256').update(image).digest('hex');
    const cached = this.options.cacheDir ? join(this.options.cacheDir, `${key}.json`) : undefined;
    const engine = await (this.engine ??= engineFor(this.options.engine ?? 'tesseract'));
    if (cached && existsSync(cached)) {
      try {
        const page = JSON.parse(readFileSync(cached, 'utf8')) as CachedPage;
        if (page.image === key && page.engine === engine.name && Array.isArray(page.paragraphs)) return page;
      } catch {
        // A damaged cache entry is read again below and rewritten.
      }
    }
    this.started ||= performance.now();
    const paragraphs = await engine.recognize(image, size);
    const page: OcrPage = { image: key, ...size, paragraphs: paragraphs.filter((lines) => lines.some((l) => l.text.trim() !== '')) };
    if (cached && this.options.cacheDir) {
      writeFileAtomic(scanImagePath(this.options.cacheDir, key), image);
      writeFileAtomic(cached, JSON.stringify({ ...page, engine: engine.name } satisfies CachedPage));
    }
    this.recognized++;
    return page;
  }

  /** Ends the engine (its worker threads, its model), so a command can exit. */
  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await (await engine).close();
  }
}

/**
 * Page readers in use, by OCR cache folder, with how many callers share each: uploads that arrive
 * together share one engine (a Tesseract worker is about 200 MB; 16 uploads at once took several GB when each
 * started its own), whose pages it reads one after another.
 */
const inUse = new Map<string, { reader: OcrPageReader; users: number }>();

/** Runs `work` with a page reader (shared with whoever else is reading meanwhile) whose engine ends when the last user is done; none when OCR is off. */
export async function withPageReader<T>(ocr: OcrOptions | undefined, work: (reader: OcrPageReader | undefined) => Promise<T>): Promise<T> {
  if (!ocr) return work(undefined);
  const key = ocr.cacheDir ?? '';
  const shared = inUse.get(key) ?? { reader: new OcrPageReader(ocr), users: 0 };
  inUse.set(key, shared);
  shared.users++;
  try {
    return await work(shared.reader);
  } finally {
    if (--shared.users === 0) {
      inUse.delete(key);
      await shared.reader.close();
    }
  }
}
