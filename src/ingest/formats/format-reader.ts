// One reader per file format, each saying which extensions it takes, how large an upload of it may
// be, and turning a file's bytes into text (or a reason it cannot). The corpus walk, the upload check
// and the upload form all ask this module, so adding a format is one reader file and one line in
// `READERS`. Paged formats mark each new page with a form feed (`pages.ts`).
import { extname } from 'node:path';
import { csvReader, tsvReader } from './csv-reader.js';
import { docReader } from './doc-reader.js';
import { docxReader } from './docx-reader.js';
import { epubReader } from './epub-reader.js';
import { htmlReader } from './html-reader.js';
import { imageReader } from './image-reader.js';
import { markdownReader } from './markdown-reader.js';
import { odpReader, odsReader, odtReader } from './odf-reader.js';
import type { PageReader, ScanPage } from './ocr.js';
import { pdfReader } from './pdf-reader.js';
import { plainTextReader } from './plain-text-reader.js';
import { pptxReader } from './pptx-reader.js';
import type { RowSpan } from './table-rows.js';
import { xlsxReader } from './xlsx-reader.js';

/**
 * The text, for scans where each line of it is on the page image, for spreadsheets where each row's
 * line is (sheet and row number), and the title the file's metadata gives (HTML `<title>`, front
 * matter, PDF properties).
 */
export type ReadResult = { text: string; scans?: ScanPage[]; rows?: RowSpan[]; title?: string } | { error: string };

/** What reading may use besides the bytes: OCR for page images (absent when OCR is off). */
export interface ReadContext {
  ocr?: PageReader;
}

export interface FormatReader {
  /** Lower-case, with the dot: `.txt`. */
  extensions: readonly string[];
  /** The largest upload of this format. */
  maxBytes: number;
  /** The file's text, with its structure as Markdown-style headings; source offsets point into it. Never throws for a bad file. */
  read(bytes: Buffer, context?: ReadContext): Promise<ReadResult>;
}

const READERS: readonly FormatReader[] = [plainTextReader, markdownReader, htmlReader, csvReader, tsvReader, xlsxReader, odsReader, pdfReader, docxReader, docReader, odtReader, pptxReader, odpReader, epubReader, imageReader];

/** Every extension some reader takes. */
export const ACCEPTED_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

export function readerFor(fileName: string): FormatReader | undefined {
  const extension = extname(fileName).toLowerCase();
  return READERS.find((r) => r.extensions.includes(extension));
}
