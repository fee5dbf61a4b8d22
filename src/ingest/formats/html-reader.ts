// HTML pages: decoded like text, then reduced to their readable text with headings kept.
import { decodeText } from './decode-text.js';
import type { FormatReader, ReadResult } from './format-reader.js';
import { HtmlTooDeepError, htmlToText } from './html-to-text.js';
import { MAX_UPLOAD_BYTES } from '../../limits.js';

/** A page's text, or why it cannot be read (also for HTML made from other formats, such as .docx). */
export function htmlPageText(html: string): ReadResult {
  try {
    return { text: htmlToText(html) };
  } catch (err) {
    if (err instanceof HtmlTooDeepError) return { error: err.message };
    throw err;
  }
}

export const htmlReader: FormatReader = {
  extensions: ['.html', '.htm'],
  maxBytes: MAX_UPLOAD_BYTES,
  async read(bytes) {
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : htmlPageText(decoded.text);
  },
};
