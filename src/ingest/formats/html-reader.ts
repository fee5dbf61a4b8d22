// HTML pages: decoded like text, then reduced to their readable text with headings kept.
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { htmlToText } from './html-to-text.js';

export const htmlReader: FormatReader = {
  extensions: ['.html', '.htm'],
  read(bytes) {
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : { text: htmlToText(decoded.text) };
  },
};
