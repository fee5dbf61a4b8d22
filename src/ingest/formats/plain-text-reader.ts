// Plain text and Markdown, in whichever Chinese encoding they were saved.
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';

export const plainTextReader: FormatReader = {
  extensions: ['.txt', '.md'],
  read(bytes) {
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : { text: decoded.text };
  },
};
