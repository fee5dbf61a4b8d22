// Plain text, in whichever Chinese encoding it was saved. A line starting with `#` is still read as a heading.
import { MAX_UPLOAD_BYTES } from '../../limits.js';
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';

export const plainTextReader: FormatReader = {
  extensions: ['.txt'],
  maxBytes: MAX_UPLOAD_BYTES,
  async read(bytes) {
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : { text: decoded.text };
  },
};
