// Everything the index is built from: the corpus folder, then the uploads folder when there is one.
import { existsSync } from 'node:fs';
import { pruneOcrCache } from './formats/ocr-cache.js';
import { withPageReader, type OcrOptions, type OcrPageReader } from './formats/ocr.js';
import { ParseCache } from './parse-cache.js';
import { readCorpus, type SkippedFile, type SourceFile } from './read-corpus.js';

/**
 * Uploaded files' paths start with this. `@` never begins a corpus path (hidden and odd names are
 * skipped or slugged), so an upload's id cannot collide with a corpus file's, and only uploads can be deleted.
 */
export const UPLOADS_PREFIX = '@uploads/';

export const isUpload = (path: string) => path.startsWith(UPLOADS_PREFIX);

/** Each file's parse, kept while the file is unchanged: a re-index reads every file but parses only changed ones. */
const parsed = new ParseCache();

/** Says how reading goes while OCR works (it takes seconds a page): pages read, the rate, files left and the time left. */
function ocrProgress(reader: OcrPageReader | undefined, log: (line: string) => void) {
  const started = performance.now();
  let reported = 0;
  return (done: number, total: number) => {
    if (!reader || reader.recognized === reported) return;
    reported = reader.recognized;
    const rate = reported / ((performance.now() - reader.started) / 1000);
    const left = ((performance.now() - started) / 1000 / done) * (total - done);
    log(`OCR: ${reported} page${reported > 1 ? 's' : ''} read (${rate.toFixed(2)} pages/s); ${done}/${total} files, about ${Math.ceil(left)} s left`);
  };
}

/** `ocr` reads page images (its results kept in its cache folder); without it they are skipped. */
export async function readSources(
  corpusDir: string,
  uploadsDir: string | undefined,
  log: (line: string) => void,
  ocr?: OcrOptions,
  onRead?: (done: number, total: number, path?: string) => void,
): Promise<{ files: SourceFile[]; skipped: SkippedFile[] }> {
  const skipped: SkippedFile[] = [];
  const skip = (f: SkippedFile) => {
    skipped.push(f);
    log(`skipped ${f.path}: ${f.reason}`);
  };
  return withPageReader(ocr, async (reader) => {
    const options = { skip, cache: parsed, context: { ocr: reader } };
    const onFile = (report: (done: number, total: number) => void) => (done: number, total: number, path?: string) => {
      report(done, total);
      onRead?.(done, total, path);
    };
    const files = await readCorpus(corpusDir, { ...options, onFile: onFile(ocrProgress(reader, log)) });
    if (uploadsDir && existsSync(uploadsDir)) for (const file of await readCorpus(uploadsDir, { ...options, prefix: UPLOADS_PREFIX, onFile: onFile(ocrProgress(reader, log)) })) files.push(file);
    parsed.forgetUnused();
    if (ocr?.cacheDir) {
      const cache = pruneOcrCache(ocr.cacheDir, new Set(files.flatMap((f) => f.scans?.map((s) => s.image) ?? [])));
      if (cache.removed > 0 || cache.pages > 0) log(`OCR cache: ${cache.pages} pages, ${(cache.bytes / 1024 / 1024).toFixed(1)} MB (${cache.removed} no longer in any document removed)`);
    }
    return { files, skipped };
  });
}
