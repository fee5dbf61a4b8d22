// Source files → a searchable CorpusIndex: parse, chunk, embed (cached), insert into Orama.
import { chunkDocument, DEFAULT_CHUNKING, type ChunkOptions, type Passage } from '../ingest/chunk-passages.js';
import type { ParsedDocument } from '../ingest/document-model.js';
import { sourceSpan } from '../ingest/mapped-text.js';
import { parseDocument } from '../ingest/parse-document.js';
import type { SourceFile } from '../ingest/read-corpus.js';
import { lookups, type CorpusIndex, type StoredDocument } from './corpus-index.js';
import type { Embedder } from './embedder.js';
import type { EmbeddingCache } from './embedding-cache.js';
import { createPassageDb, embeddingText, insertPassages } from './passage-db.js';

export interface BuildProgress {
  done: number;
  total: number;
  /** Passages taken from the embedding cache instead of the model. */
  cached: number;
}

export interface BuildOptions {
  chunking?: ChunkOptions;
  cache?: EmbeddingCache;
  onProgress?: (progress: BuildProgress) => void;
  /** Passages per model call: larger batches go faster and take more memory. */
  batchSize?: number;
}

function storeDocument(doc: ParsedDocument): StoredDocument {
  return {
    id: doc.id,
    path: doc.path,
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
        };
      }),
    })),
  };
}

async function embedAll(passages: Passage[], embedder: Embedder, options: BuildOptions): Promise<Float32Array> {
  const dims = embedder.dimensions;
  const vectors = new Float32Array(passages.length * dims);
  const texts = passages.map(embeddingText);
  const todo: number[] = [];
  let cached = 0;
  texts.forEach((text, i) => {
    const hit = options.cache?.get(text);
    if (hit) {
      vectors.set(hit, i * dims);
      cached++;
    } else {
      todo.push(i);
    }
  });
  // Similar lengths batched together waste less work on padding.
  todo.sort((a, b) => texts[a].length - texts[b].length);
  const batch = options.batchSize ?? 8;
  let done = cached;
  options.onProgress?.({ done, total: passages.length, cached });
  for (let k = 0; k < todo.length; k += batch) {
    const ids = todo.slice(k, k + batch);
    const out = await embedder.embedPassages(ids.map((i) => texts[i]));
    ids.forEach((i, j) => {
      vectors.set(out[j], i * dims);
      options.cache?.set(texts[i], out[j]);
    });
    done += ids.length;
    options.onProgress?.({ done, total: passages.length, cached });
  }
  return vectors;
}

export async function buildIndex(files: SourceFile[], embedder: Embedder, options: BuildOptions = {}): Promise<CorpusIndex> {
  const parsed = files.map((f) => parseDocument(f.id, f.path, f.text, f.name));
  const passages = parsed.flatMap((d) => chunkDocument(d, options.chunking ?? DEFAULT_CHUNKING));
  const vectors = await embedAll(passages, embedder, options);
  const db = createPassageDb(embedder.dimensions);
  await insertPassages(db, passages, vectors, embedder.dimensions);
  const documents = parsed.map(storeDocument);
  return { documents, passages, vectors, dimensions: embedder.dimensions, db, ...lookups(documents, passages) };
}
