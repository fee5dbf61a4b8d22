// One source file → the document as the index stores it and its passages: parse, store shape, chunk.
// The build, the upload check and the benchmarks all go through here, so ingest ends at passages.
import { createHash } from 'node:crypto';
import { chunkDocument, DEFAULT_CHUNKING, type ChunkOptions } from './chunk-passages.js';
import type { ParsedDocument, Passage, StoredDocument } from './document-model.js';
import { sourceSpan } from './mapped-text.js';
import { parseDocument } from './parse-document.js';
import type { SourceFile } from './read-corpus.js';

/** Hash of a file's path and text: a re-index keeps an unchanged file's parse and vectors. */
export const sourceHash = (file: Pick<SourceFile, 'path' | 'text'>) => createHash('sha256').update(file.path).update('\0').update(file.text).digest('hex').slice(0, 16);

function storeDocument(doc: ParsedDocument, file: SourceFile, hash: string): StoredDocument {
  return {
    ...(file.scans ? { scans: file.scans } : {}),
    id: doc.id,
    path: doc.path,
    sourceHash: hash,
    title: doc.title,
    articles: doc.articles.map((a) => ({
      index: a.index,
      title: a.title,
      paragraphs: a.paragraphs.map((p) => {
        const span = sourceSpan(p, 0, p.text.length);
        return {
          index: p.index,
          anchor: p.anchor,
          kind: p.kind,
          text: p.text,
          ...(p.section ? { section: p.section } : {}),
          sourceStart: span.start,
          sourceEnd: span.end,
          sentences: p.sentences,
          ...(p.page ? { page: p.page } : {}),
        };
      }),
    })),
  };
}

export function documentOf(file: SourceFile, chunking: ChunkOptions = DEFAULT_CHUNKING): { document: StoredDocument; passages: Passage[] } {
  const parsed = parseDocument(file.id, file.path, file.text, file.name, file.title);
  return { document: storeDocument(parsed, file, sourceHash(file)), passages: chunkDocument(parsed, chunking) };
}
