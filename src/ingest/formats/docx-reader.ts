// Word documents (.docx) through mammoth: converted to HTML, then read as any HTML page, so Word's
// heading styles become article and section titles.
import mammoth from 'mammoth';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { htmlPageText } from './html-reader.js';
import { zipParts } from './zip-parts.js';

/**
 * The most one XML part of a .docx may inflate to. A 500-page report's document.xml is about 10 MB;
 * mammoth holds a part as a DOM of about 40 bytes per byte of XML, so 64 MB is already gigabytes.
 * A file whose directory understates its sizes is stopped by the reader's heap limit (`read-isolated.ts`).
 */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;

export const docxReader: FormatReader = {
  extensions: ['.docx'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    const huge = zipParts(bytes).find((part) => part.name.endsWith('.xml') && part.size > MAX_DOCX_PART_BYTES);
    if (huge) return { error: `its ${huge.name} inflates to ${Math.round(huge.size / 1024 / 1024)} MB; at most ${MAX_DOCX_PART_BYTES / 1024 / 1024} MB are read` };
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch (err) {
      return { error: `not a readable Word document (.docx): ${(err as Error).message.split('\n')[0]}` };
    }
    return htmlPageText(html);
  },
};
