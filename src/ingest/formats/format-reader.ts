// One reader per file format, each saying which extensions it takes and turning a file's bytes into
// text (or a reason it cannot). The corpus walk, the upload check and the upload form all ask this
// module, so adding a format is one reader file and one line in `READERS`.
import { extname } from 'node:path';
import { htmlReader } from './html-reader.js';
import { plainTextReader } from './plain-text-reader.js';

export type ReadResult = { text: string } | { error: string };

export interface FormatReader {
  /** Lower-case, with the dot: `.txt`. */
  extensions: readonly string[];
  /** The file's text, with its structure as Markdown-style headings; source offsets point into it. */
  read(bytes: Buffer): ReadResult;
}

const READERS: readonly FormatReader[] = [plainTextReader, htmlReader];

/** Every extension some reader takes. */
export const ACCEPTED_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

export function readerFor(fileName: string): FormatReader | undefined {
  const extension = extname(fileName).toLowerCase();
  return READERS.find((r) => r.extensions.includes(extension));
}
