// HTML pages: decoded like text, then reduced to their readable text with headings kept.
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { HtmlTooDeepError, htmlToText } from './html-to-text.js';

export const htmlReader: FormatReader = {
  extensions: ['.html', '.htm'],
  read(bytes) {
    const decoded = decodeText(bytes);
    if ('error' in decoded) return decoded;
    try {
      return { text: htmlToText(decoded.text) };
    } catch (err) {
      if (err instanceof HtmlTooDeepError) return { error: err.message };
      throw err;
    }
  },
};
