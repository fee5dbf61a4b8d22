// One source file → the document as the index stores it and its passages: parse, store shape, chunk.
// The build, the upload check and the benchmarks all go through here, so ingest ends at passages.
import { createHash } from 'node:crypto';
import { chunkDocument, DEFAULT_CHUNKING, type ChunkOptions } from './chunk-passages.js';
import type { ParsedDocument, Passage, StoredDocument } from './document-model.js';
import { sourceSpan } from './mapped-text.js';
import { lineKey } from './page-furniture.js';
import { parseDocument } from './parse-document.js';
import type { SourceFile } from './read-corpus.js';

/**
 * Hash of what a file's parse depends on: its path, its text, its metadata title and which of its
 * lines the collection repeats (`repeated`). A re-index keeps the parse and vectors of a file whose
 * hash is unchanged.
 */
export function sourceHash(file: Pick<SourceFile, 'path' | 'text' | 'title'>, repeated: ReadonlySet<string> = new Set()): string {
  const hash = createHash('sha256').update(file.path).update('\0').update(file.text);
  if (file.title) hash.update('\0title\0').update(file.title);
  const shared = [...new Set(file.text.split('\n').map(lineKey))].filter((key) => repeated.has(key));
  if (shared.length > 0) hash.update('\0repeated\0').update(shared.sort().join('\n'));
  return hash.digest('hex').slice(0, 16);
}

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
          ...(p.tableRow ? { tableRow: p.tableRow } : {}),
        };
      }),
    })),
  };
}

/** `repeated`: the lines the collection repeats across documents (`repeatedLines`), left out as furniture. */
export function documentOf(file: SourceFile, chunking: ChunkOptions = DEFAULT_CHUNKING, repeated?: ReadonlySet<string>): { document: StoredDocument; passages: Passage[] } {
  const parsed = parseDocument(file.id, file.path, file.text, file.name, { metaTitle: file.title, repeated, rows: file.rows });
  return { document: storeDocument(parsed, file, sourceHash(file, repeated)), passages: chunkDocument(parsed, chunking) };
}
