// PDF with a text layer, through unpdf (pdf.js for Node; 1.7.0, the last release for Node 20). Each
// page's visual lines are rejoined into paragraphs by their positions (`pdf-lines.ts`); the cleaning
// that reads the seeds drops the spaces pdf.js puts around numbers (`项目 50 余项`).
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { joinPages } from './pages.js';
import { pageParagraphs } from './pdf-lines.js';

/** A longer PDF is a book or an archive dump: refused, with the reason, rather than read for minutes. */
export const MAX_PDF_PAGES = 2_000;

/** Why pdf.js could not open a file, said for a person. */
function openFailure(err: unknown): string {
  const name = (err as Error)?.name;
  if (name === 'PasswordException') return 'the PDF is encrypted (password protected)';
  if (name === 'InvalidPDFException') return 'not a valid PDF (corrupt or truncated)';
  return `the PDF could not be read: ${(err as Error)?.message ?? String(err)}`;
}

export const pdfReader: FormatReader = {
  extensions: ['.pdf'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
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
      const pages = items.map(pageParagraphs);
      if (pages.every((page) => page.trim() === '')) return { error: 'the PDF has no text layer (a scanned document)' };
      return { text: joinPages(pages) };
    } catch (err) {
      return { error: openFailure(err) };
    } finally {
      await pdf.destroy();
    }
  },
};
