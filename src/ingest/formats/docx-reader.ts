// Word documents (.docx) through mammoth: converted to HTML, then read as any HTML page, so Word's
// heading styles become article and section titles.
import mammoth from 'mammoth';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { htmlPageText } from './html-reader.js';

export const docxReader: FormatReader = {
  extensions: ['.docx'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch (err) {
      return { error: `not a readable Word document (.docx): ${(err as Error).message.split('\n')[0]}` };
    }
    return htmlPageText(html);
  },
};
