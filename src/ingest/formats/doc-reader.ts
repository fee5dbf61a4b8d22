// Old Word documents (.doc, Word 97–2003) through word-extractor: the body text, paragraph by paragraph.
import WordExtractor from 'word-extractor';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';

const extractor = new WordExtractor();

export const docReader: FormatReader = {
  extensions: ['.doc'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    try {
      const doc = await extractor.extract(bytes);
      return { text: doc.getBody() };
    } catch (err) {
      return { error: `not a readable Word document (.doc): ${(err as Error).message.split('\n')[0]}` };
    }
  },
};
