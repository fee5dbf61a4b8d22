// PDF with a text layer, through unpdf (pdf.js for Node; 1.7.0, the last release for Node 20). Each
// page's visual lines are rejoined into paragraphs by their positions (`pdf-lines.ts`); the cleaning
// that reads the seeds drops the spaces pdf.js puts around numbers (`项目 50 余项`).
import { extractTextItems, getDocumentProxy, renderPageAsImage } from 'unpdf';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { OCR_OFF, readPageImage } from './image-reader.js';
import type { PageReader, ScanPage } from './ocr.js';
import { PageWriter } from './pages.js';
import { pageParagraphs } from './pdf-lines.js';

/** A longer PDF is a book or an archive dump: refused, with the reason, rather than read for minutes. */
export const MAX_PDF_PAGES = 2_000;

/** A page without a text layer is rendered at 200 dpi for OCR (PDF units are 1/72 inch). */
const SCAN_SCALE = 200 / 72;

/** Why pdf.js could not open a file, said for a person. */
function openFailure(err: unknown): string {
  const name = (err as Error)?.name;
  if (name === 'PasswordException') return 'the PDF is encrypted (password protected)';
  if (name === 'InvalidPDFException') return 'not a valid PDF (corrupt or truncated)';
  return `the PDF could not be read: ${(err as Error)?.message ?? String(err)}`;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** A scanned page: rendered to an image with pdf.js on @napi-rs/canvas, then read like any page image. */
async function scannedPage(pdf: PdfDocument, page: number, ocr: PageReader, offset: number): Promise<{ text: string; scans?: ScanPage[] }> {
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
      const { items } = await extractTextItems(pdf);
      const pages = new PageWriter();
      const scans: ScanPage[] = [];
      for (const [i, pageItems] of items.entries()) {
        const text = pageParagraphs(pageItems);
        if (text.trim() !== '' || !context?.ocr) {
          pages.add(text);
          continue;
        }
        const scanned = await scannedPage(pdf, i + 1, context.ocr, pages.length);
        scans.push(...(scanned.scans ?? []));
        pages.add(scanned.text);
      }
      if (pages.empty) return { error: context?.ocr ? 'the PDF holds no text, not even by OCR' : `the PDF has no text layer: ${OCR_OFF}` };
      const title = await documentTitle(pdf);
      return { text: pages.text, ...(scans.length ? { scans } : {}), ...(title ? { title } : {}) };
    } catch (err) {
      return { error: openFailure(err) };
    } finally {
      await pdf.destroy();
    }
  },
};
