// PDF with a text layer, through unpdf (pdf.js for Node; 1.7.0, the last release for Node 20). Each
// page's visual lines are rejoined into paragraphs by their positions (`pdf-lines.ts`); the cleaning
// that reads the seeds drops the spaces pdf.js puts around numbers (`项目 50 余项`).
// pdf.js draws a page's fonts with ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks:
// without it every glyph is skipped and a page with any text draws blank (so a scanned page's printed
// header, or a garbled layer's page, gave OCR an empty image). core-js supplies it.
import 'core-js/actual/array-buffer/transfer-to-fixed-length.js';
import { createHash } from 'node:crypto';
import { getDocumentProxy, renderPageAsImage } from 'unpdf';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { isGarbledText } from './garbled-text.js';
import { MAX_IMAGE_PIXELS, OCR_OFF, readPageImage } from './image-reader.js';
import type { PageReader, ScanPage } from './ocr.js';
import { PageWriter } from './pages.js';
import { pageParagraphs, type PageLine, type TextItem } from './pdf-lines.js';

/** A longer PDF is a book or an archive dump: refused, with the reason, rather than read for minutes. */
export const MAX_PDF_PAGES = 2_000;

/** A page without a text layer, or with a garbled one (`garbled-text.ts`), is rendered at 200 dpi for OCR (PDF units are 1/72 inch). */
const SCAN_SCALE = 200 / 72;

/**
 * A text page is shown in the source view at 108 dpi: A4 is 893 × 1263 pixels, sharp on a screen at
 * the width the view gives it, 200-400 KB as PNG (realdocs-dev's PDFs, 175-310 ms a page to draw).
 */
export const VIEW_SCALE = 1.5;

/** A text page's key in the page-image cache: the PDF's bytes and the page (`pdf-page-view.ts` draws it). */
export const renderedPageKey = (pdfHash: string, page: number) => createHash('sha256').update(`${pdfHash}:${page}:${VIEW_SCALE}`).digest('hex');

/** A text page as the source view shows it: its lines placed on the page image to be drawn at VIEW_SCALE. */
async function textPageView(pdf: PdfDocument, page: number, lines: PageLine[], offset: number, pdfHash: string): Promise<ScanPage | undefined> {
  if (lines.length === 0) return undefined;
  const viewport = (await pdf.getPage(page)).getViewport({ scale: VIEW_SCALE });
  const placed = lines.map(({ start, end, box }) => {
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([box.left, box.bottom, box.right, box.top]);
    const round = (n: number) => Math.round(n);
    return { start: offset + start, end: offset + end, box: { x0: round(Math.min(x0, x1)), y0: round(Math.min(y0, y1)), x1: round(Math.max(x0, x1)), y1: round(Math.max(y0, y1)) } };
  });
  return { image: renderedPageKey(pdfHash, page), width: Math.round(viewport.width), height: Math.round(viewport.height), page, lines: placed, rendered: true };
}

/**
 * Text items (pdf.js's runs of text) one PDF may give. A dense page has a few thousand and a 2,000-page
 * book about 100,000; a 0.5 MB file whose content stream inflates to 13 million one-letter runs would
 * take gigabytes, so reading stops past this and the file is refused.
 */
export const MAX_PDF_TEXT_ITEMS = 1_000_000;

/** Thrown past MAX_PDF_TEXT_ITEMS: the reason the file is refused. */
class TooManyTextItems extends Error {}

/** Why pdf.js could not open a file, said for a person. */
function openFailure(err: unknown): string {
  const name = (err as Error)?.name;
  if (name === 'PasswordException') return 'the PDF is encrypted (password protected)';
  if (name === 'InvalidPDFException') return 'not a valid PDF (corrupt or truncated)';
  return `the PDF could not be read: ${(err as Error)?.message ?? String(err)}`;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * A page's text items in reading order, counted against what the document has left (`budget`). A page
 * of millions of runs is built whole before it can be counted: the reader's heap limit
 * (`read-isolated.ts`) stops that one; this stops many pages of hundreds of thousands.
 */
async function pageTextItems(pdf: PdfDocument, page: number, budget: { left: number }): Promise<TextItem[]> {
  const content = await (await pdf.getPage(page)).getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, hasEOL: item.hasEOL });
  }
  budget.left -= items.length;
  if (budget.left < 0) throw new TooManyTextItems(`the PDF holds more than ${MAX_PDF_TEXT_ITEMS.toLocaleString('en')} runs of text; it is not read`);
  return items;
}

/**
 * A scanned page: rendered to an image with pdf.js on @napi-rs/canvas, then read like any page image.
 * Its size is checked before rendering: a page of 8,000 × 8,000 pt would be a 12-gigapixel image.
 */
async function scannedPage(pdf: PdfDocument, page: number, ocr: PageReader, offset: number): Promise<{ text: string; scans?: ScanPage[] }> {
  const { width, height } = (await pdf.getPage(page)).getViewport({ scale: SCAN_SCALE });
  if (width * height > MAX_IMAGE_PIXELS) return { text: '' };
  const image = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: SCAN_SCALE });
  const read = await readPageImage(Buffer.from(image), ocr, offset, page);
  return 'text' in read ? read : { text: '' };
}

/** The Title of the PDF's document properties; a damaged or missing dictionary gives none. */
async function documentTitle(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<string | undefined> {
  const meta = await pdf.getMetadata().catch(() => undefined);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

export const pdfReader: FormatReader = {
  extensions: ['.pdf'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes, context) {
    let pdf;
    try {
      // Verbosity 0: pdf.js's warnings about a damaged file would flood the log; the reason is returned instead.
      pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    } catch (err) {
      return { error: openFailure(err) };
    }
    try {
      if (pdf.numPages > MAX_PDF_PAGES) return { error: `the PDF has ${pdf.numPages} pages; at most ${MAX_PDF_PAGES} are read` };
      const pages = new PageWriter();
      const scans: ScanPage[] = [];
      const budget = { left: MAX_PDF_TEXT_ITEMS };
      let garbled = 0;
      const pdfHash = createHash('sha256').update(bytes).digest('hex');
      for (let i = 0; i < pdf.numPages; i++) {
        let { text, lines } = pageParagraphs(await pageTextItems(pdf, i + 1, budget));
        if (isGarbledText(text)) {
          garbled++;
          text = '';
        }
        if (text.trim() !== '' || !context?.ocr) {
          // Page images need the cache OCR keeps: with OCR off (no cache), the view shows the text alone.
          const view = text.trim() !== '' && context?.ocr ? await textPageView(pdf, i + 1, lines, pages.length, pdfHash) : undefined;
          if (view) scans.push(view);
          pages.add(text);
          continue;
        }
        const scanned = await scannedPage(pdf, i + 1, context.ocr, pages.length);
        scans.push(...(scanned.scans ?? []));
        pages.add(scanned.text);
      }
      if (pages.empty) return { error: context?.ocr ? 'the PDF holds no text, not even by OCR' : `the PDF has ${garbled > 0 ? 'a garbled text layer' : 'no text layer'}: ${OCR_OFF}` };
      const title = await documentTitle(pdf);
      return { text: pages.text, ...(scans.length ? { scans } : {}), ...(title ? { title } : {}) };
    } catch (err) {
      return { error: err instanceof TooManyTextItems ? err.message : openFailure(err) };
    } finally {
      await pdf.destroy();
    }
  },
};
