// Tesseract (tesseract.js 7) as xunyuan's default OCR engine, with the Simplified and Traditional
// Chinese data of the @tesseract.js-data packages (local paths: nothing is downloaded). A page is read
// with chi_sim; when what it read holds Traditional characters, it is read again with chi_tra and the
// reading Tesseract is surer of is kept, so a Traditional scan is read as written (bench:ocr: chi_sim
// reads a Traditional page with 64% of characters right, chi_tra with 95%).
import chiSim from '@tesseract.js-data/chi_sim';
import chiTra from '@tesseract.js-data/chi_tra';
import { createWorker, type Worker } from 'tesseract.js';
import { simplify } from '../../text/normalize.js';
import type { OcrEngine, OcrLine } from './ocr.js';
import { withinPageTime } from './ocr-time-limit.js';

/**
 * chi_sim writes a Traditional page mostly in Simplified forms, but not all: 1.3% of what it read of a
 * DRCD page were Traditional characters (13 of 1,030), 1 of 90 of a short notice (the test fixture),
 * none of a seed page's 1,432. At this share the page is read again with chi_tra; which reading is
 * kept is Tesseract's confidence's choice, so a Simplified page read twice loses only time.
 */
const TRADITIONAL_SHARE = 0.005;

/** Whether chi_sim's reading holds enough Traditional characters to try chi_tra. */
export function looksTraditional(text: string): boolean {
  const chars = text.replace(/\s+/g, '');
  const simplified = simplify(chars);
  let traditional = 0;
  for (let i = 0; i < chars.length; i++) if (chars[i] !== simplified[i]) traditional++;
  return traditional > 0 && traditional / Math.max(1, chars.length) >= TRADITIONAL_SHARE;
}

type Reading = { confidence: number; paragraphs: OcrLine[][]; text: string };

const LANGUAGES = { chi_sim: chiSim, chi_tra: chiTra } as const;

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract chi_sim/chi_tra';
  private workers = new Map<keyof typeof LANGUAGES, Promise<Worker>>();

  async recognize(image: Buffer): Promise<OcrLine[][]> {
    const simplified = await this.readWith('chi_sim', image);
    if (!looksTraditional(simplified.text)) return simplified.paragraphs;
    const traditional = await this.readWith('chi_tra', image);
    return traditional.confidence > simplified.confidence ? traditional.paragraphs : simplified.paragraphs;
  }

  /**
   * One language's reading of an image. A job its worker rejects (an image it cannot decode: truncated
   * pixel data, a damaged chunk) would be thrown from the worker's message handler, an uncaught
   * exception that ends the process, unless an error handler is given: with one, the job's promise
   * rejects and the worker goes on. A worker that never answers (its thread died) is ended after
   * OCR_PAGE_TIME_LIMIT_MS and the next page starts a fresh one.
   */
  private async readWith(language: keyof typeof LANGUAGES, image: Buffer): Promise<Reading> {
    const data = LANGUAGES[language];
    let worker = this.workers.get(language);
    if (!worker) {
      worker = createWorker(data.code, 1, { langPath: data.langPath, gzip: data.gzip, cacheMethod: 'none', errorHandler: () => {} });
      this.workers.set(language, worker);
    }
    const recognized = (async () => {
      try {
        return await (await worker).recognize(image, {}, { blocks: true, text: true });
      } catch (err) {
        throw new Error(`Tesseract could not read it (${err instanceof Error ? err.message : String(err)})`);
      }
    })();
    const read = await withinPageTime(recognized, () => this.close());
    const paragraphs = (read.data.blocks ?? []).flatMap((b) => b.paragraphs.map((p) => p.lines.map((l) => ({ text: l.text, box: l.bbox }))));
    return { confidence: read.data.confidence, paragraphs, text: read.data.text ?? '' };
  }

  /** Ends the worker threads, so a command can exit. */
  async close(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map(async (w) => (await w).terminate()));
  }
}
