// The page images the source view shows beside a document's text: a scan's page from the OCR cache,
// or a PDF text page, drawn from the file the first time it is viewed (in the reader process) and kept
// in the same cache under its key, so each page is drawn once. The cache keeps only pages of indexed
// documents (`ocr-cache.ts`), as it does for scans.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readScanImage, scanImagePath } from '../ingest/formats/ocr.js';
import { renderedPageKey } from '../ingest/formats/pdf-reader.js';
import { renderIsolated } from '../ingest/formats/read-isolated.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { AnswerEngine } from './answer-engine.js';

/** The `n`th page image of a document, or undefined where there is none (OCR off, no such page, the file changed or is gone). */
export async function pageImage(engine: AnswerEngine, docId: string, n: number): Promise<{ bytes: Buffer; type: string } | undefined> {
  const doc = engine.document(docId);
  const scan = doc?.scans?.[n];
  const cacheDir = engine.ocr?.cacheDir;
  if (!doc || !scan || !cacheDir) return undefined;
  const cached = readScanImage(cacheDir, scan.image);
  if (cached || !scan.rendered || scan.page === undefined) return cached;
  const path = engine.sourcePath(doc);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path ?? '');
  } catch {
    return undefined;
  }
  // A file changed since it was indexed would draw another page than the one whose lines are outlined.
  if (renderedPageKey(createHash('sha256').update(bytes).digest('hex'), scan.page) !== scan.image) return undefined;
  const drawn = await renderIsolated(bytes, scan.page);
  if ('error' in drawn) return undefined;
  const image = Buffer.from(drawn.image);
  writeFileAtomic(scanImagePath(cacheDir, scan.image), image);
  return { bytes: image, type: 'image/png' };
}
