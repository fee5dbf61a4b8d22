// Source files → a searchable CorpusIndex: parse, chunk, embed, insert into the index backend. Given the previous
// build, files that did not change keep their parse and every passage text already embedded keeps its
// vector, so a re-index embeds only what is new.
import { DEFAULT_CHUNKING, type ChunkOptions } from '../../ingest/chunk-passages.js';
import { headingOf, type Passage, type StoredDocument } from '../../ingest/document-model.js';
import { documentOf, sourceHash } from '../../ingest/document-of.js';
import { distinctTitles } from '../../ingest/distinct-titles.js';
import { repeatedLines } from '../../ingest/page-furniture.js';
import type { SourceFile } from '../../ingest/read-corpus.js';
import type { CorpusIndex } from './corpus-index.js';
import { memoryCorpus, type Corpus, type DocumentSummary } from './corpus.js';
import { turnTaker } from '../../util/next-turn.js';
import type { Embedder } from '../embed/embedder.js';
import { BuildVectors, type BuildProgress, type KeptVectors } from './build-vectors.js';

export type { BuildProgress };
import { DEFAULT_BACKEND } from './default-backend.js';
import { withAnalyses } from '../tokenize/text-analysis.js';
import { isUpdatable, type IndexBackend, type PassageIndex } from './passage-index.js';

export interface BuildOptions {
  chunking?: ChunkOptions;
  onProgress?: (progress: BuildProgress) => void;
  /** The previous build, made with the same model: its vectors are reused wherever a passage's text is unchanged. */
  previous?: Corpus;
  /** Also reuse the previous parse of files that did not change (only when it was chunked the same way). */
  reuseDocuments?: boolean;
  /** The index backend (Orama unless told). */
  backend?: IndexBackend;
  /** Where a backend that builds on disk writes until the build is saved (see `IndexBackend.create`). */
  staging?: string;
  /**
   * The search index of `previous`, as served. A backend that can (LanceDB) copies it into `staging`
   * and changes only the passages that changed, instead of indexing every passage again.
   */
  update?: PassageIndex;
  /**
   * No model calls: every vector is zero and the index says so (`CorpusIndex.keywordOnly`). Reading and
   * keyword indexing take seconds where embedding takes minutes; a first start serves this meanwhile.
   */
  keywordOnly?: boolean;
}

/** What a build did, in files and in passages. */
export interface IndexReport {
  documents: number;
  passages: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Distinct texts the model embedded; every other passage reused a vector (the previous build's, or an identical text's). */
  embedded: number;
}

/**
 * Passages as the keyword index sees them: in a document of several articles, each heading led by the
 * document's title when it does not hold it already, so a question naming the document (若依) finds its
 * passages under any section. What is shown and stored keeps the passage's own heading. A document of
 * one article is left alone: its heading is its own title or its file's name, and an encyclopedia's
 * paragraphs filed under one entry's name would all take the same boost (DRCD dev: 2,911 → 2,904 held gold).
 */
function withDocumentTitles(passages: readonly Passage[], documents: readonly Pick<DocumentSummary, 'id' | 'title' | 'articles'>[]): Passage[] {
  const titles = new Map(documents.filter((d) => d.articles.length > 1).map((d) => [d.id, d.title]));
  return passages.map((p) => {
    const title = titles.get(p.docId);
    return title && !p.title.includes(title) ? { ...p, title: `${title} ${p.title}` } : p;
  });
}

/**
 * All a passage is to the search index: its document, text, heading as indexed and its own heading (its
 * vector is embedded from that heading and the text). A row of the previous build is kept only when all
 * of it is the same: a file that changed, and a title changed by another file's arrival (distinct
 * titles), both replace their rows. Plain strings: a million passages are compared in one update.
 */
const rowKey = (stored: Passage, indexed: Passage) => `${stored.docId}\u0000${headingOf(indexed)}\u0000${headingOf(stored)}\u0000${stored.text}`;

/**
 * The search index of a build: `update`'s copy with only what changed applied where the backend allows,
 * else a new one. `settled`: documents whose rows are the previous build's as they are (the same file,
 * shown under the same title); their rows are neither read again nor compared (1 of a 10 s re-index at
 * 100,000 passages).
 */
async function indexPassages(stored: Passage[], indexed: Passage[], vectors: Float32Array, dimensions: number, options: BuildOptions, settled: ReadonlySet<string>): Promise<PassageIndex> {
  const { previous, update, staging } = options;
  const copy = previous && update && staging && isUpdatable(update) ? await update.copy(staging) : undefined;
  if (!copy) {
    const search = await (options.backend ?? DEFAULT_BACKEND).create(dimensions, staging);
    await search.insert(indexed, vectors);
    return search;
  }
  const before = new Map<string, string>();
  const turn = turnTaker();
  for (const d of previous!.documents) {
    await turn();
    if (settled.has(d.id)) continue;
    const kept = previous!.passagesOf(d.id);
    withDocumentTitles(kept, [d]).forEach((p, k) => before.set(p.id, rowKey(kept[k], p)));
  }
  const unchanged = new Set<string>();
  const added: number[] = [];
  for (const [i, p] of indexed.entries()) {
    await turn();
    if (settled.has(p.docId)) continue;
    if (before.get(p.id) === rowKey(stored[i], p)) unchanged.add(p.id);
    else added.push(i);
  }
  await copy.remove([...before.keys()].filter((id) => !unchanged.has(id)));
  const addedVectors = new Float32Array(added.length * dimensions);
  added.forEach((row, k) => addedVectors.set(vectors.subarray(row * dimensions, (row + 1) * dimensions), k * dimensions));
  await copy.insert(
    added.map((row) => indexed[row]),
    addedVectors,
  );
  return copy;
}

export async function buildIndex(
  files: SourceFile[],
  embedder: Embedder,
  options: BuildOptions = {},
): Promise<{ index: CorpusIndex; report: IndexReport }> {
  const chunking = options.chunking ?? DEFAULT_CHUNKING;
  const { previous } = options;
  const before = new Map(previous?.documents.map((d) => [d.id, d]));
  const documents: StoredDocument[] = [];
  const passages: Passage[] = [];
  const counts = { added: 0, changed: 0, unchanged: 0 };
  const keptVectors: KeptVectors[] = [];
  const repeated = await repeatedLines(files.map((f) => f.text));
  const hashes = files.map((file) => sourceHash(file, repeated));
  // Known before the files are read, so that the model starts on the first new passage found.
  const reused = new Set(options.reuseDocuments ? files.filter((file, i) => before.get(file.id)?.sourceHash === hashes[i]).map((file) => file.id) : []);
  const vectorsOf = options.keywordOnly ? undefined : await BuildVectors.start(embedder, previous, (id) => reused.has(id));
  const turn = turnTaker();
  try {
    for (const [i, file] of files.entries()) {
      // Reading the previous build's records and parsing take the event loop a while on a large folder.
      await turn();
      const old = before.get(file.id);
      if (old?.sourceHash === hashes[i]) {
        counts.unchanged++;
        const kept = reused.has(file.id) ? previous?.document(old.id) : undefined;
        if (kept) {
          documents.push(kept);
          keptVectors.push({ docId: kept.id, first: passages.length, vectors: previous!.vectorsOf(kept.id) });
          for (const passage of previous!.passagesOf(kept.id)) passages.push(passage);
          continue;
        }
      } else if (old) {
        counts.changed++;
      } else {
        counts.added++;
      }
      const read = documentOf(file, chunking, repeated);
      documents.push(read.document);
      for (const passage of withAnalyses(read.passages)) {
        passages.push(passage);
        vectorsOf?.add(passage);
      }
    }
  } catch (err) {
    vectorsOf?.abandon();
    throw err;
  }
  const shown = distinctTitles(documents);
  const present = new Set(files.map((f) => f.id));
  const removed = [...before.keys()].filter((id) => !present.has(id)).length;

  const vectors = vectorsOf ? await vectorsOf.rows(passages, keptVectors, options.onProgress) : new Float32Array(passages.length * embedder.dimensions);
  const embedded = vectorsOf?.embedded ?? 0;
  const keptIds = new Set(keptVectors.map((k) => k.docId));
  const settled = new Set(shown.filter((d) => keptIds.has(d.id) && previous?.summary(d.id)?.title === d.title).map((d) => d.id));
  const search = await indexPassages(passages, withDocumentTitles(passages, shown), vectors, embedder.dimensions, options, settled);
  return {
    index: { corpus: memoryCorpus(shown, passages, vectors, embedder.dimensions), dimensions: embedder.dimensions, search, ...(options.keywordOnly ? { keywordOnly: true } : {}) },
    report: { documents: documents.length, passages: passages.length, ...counts, removed, embedded },
  };
}

/** `2 added, 1 changed, 0 removed, 845 unchanged; 9 distinct texts embedded for 1,263 passages (848 documents)` */
export function describeReport(r: IndexReport): string {
  const n = (x: number) => x.toLocaleString('en');
  return `${n(r.added)} added, ${n(r.changed)} changed, ${n(r.removed)} removed, ${n(r.unchanged)} unchanged; ${n(r.embedded)} distinct texts embedded for ${n(r.passages)} passages (${n(r.documents)} documents)`;
}
