// Everything the index is built from: the corpus folder, then the uploads folder when there is one.
import { existsSync } from 'node:fs';
import { withPageReader, type OcrOptions } from './formats/ocr.js';
import { ParseCache } from './parse-cache.js';
import { readCorpus, type SourceFile } from './read-corpus.js';

/**
 * Uploaded files' paths start with this. `@` never begins a corpus path (hidden and odd names are
 * skipped or slugged), so an upload's id cannot collide with a corpus file's, and only uploads can be deleted.
 */
export const UPLOADS_PREFIX = '@uploads/';

export const isUpload = (path: string) => path.startsWith(UPLOADS_PREFIX);

/** Each file's parse, kept while the file is unchanged: a re-index reads every file but parses only changed ones. */
const parsed = new ParseCache();

/** `ocr` reads page images (its results kept in its cache folder); without it they are skipped. */
export async function readSources(corpusDir: string, uploadsDir: string | undefined, log: (line: string) => void, ocr?: OcrOptions): Promise<SourceFile[]> {
  const skip = (f: { path: string; reason: string }) => log(`skipped ${f.path}: ${f.reason}`);
  return withPageReader(ocr && { ...ocr, log }, async (reader) => {
    const context = { ocr: reader };
    const files = await readCorpus(corpusDir, { skip, cache: parsed, context });
    if (uploadsDir && existsSync(uploadsDir)) files.push(...(await readCorpus(uploadsDir, { skip, prefix: UPLOADS_PREFIX, cache: parsed, context })));
    parsed.forgetUnused();
    return files;
  });
}
