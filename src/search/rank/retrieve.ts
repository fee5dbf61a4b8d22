// Candidates from the index's keyword search and its vector search, each scored on both sides, then fused.
import type { Passage } from '../../ingest/chunk-passages.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { CANDIDATE_DEPTH, DEFAULT_FUSION, KEYWORD_DEPTH_FACTOR, TITLE_BOOST } from '../knobs.js';
import { fuseScores, type FusionMethod, type ScoreParts } from './fuse-scores.js';

export interface Candidate {
  passage: Passage;
  scores: ScoreParts;
  score: number;
}

export interface RetrieveOptions {
  /** How many candidates each side contributes before fusion. */
  depth?: number;
  docId?: string;
  fusion?: FusionMethod;
  /** A follow-up's own words: their keyword score counts a second time, so they lead the context. */
  focus?: string;
}

/** Cosine of two unit vectors: bge's outputs are normalised, so a dot product. */
function cosine(query: number[], vectors: Float32Array, row: number, dims: number): number {
  let dot = 0;
  const base = row * dims;
  for (let i = 0; i < dims; i++) dot += query[i] * vectors[base + i];
  return dot;
}

export async function retrieve(index: CorpusIndex, question: string, queryVector: number[], options: RetrieveOptions = {}): Promise<Candidate[]> {
  const depth = options.depth ?? CANDIDATE_DEPTH;
  const { docId } = options;
  const keywordSearch = (text: string) => index.search.keywordSearch({ text, limit: depth * KEYWORD_DEPTH_FACTOR, docId, titleBoost: TITLE_BOOST });
  const [keywordHits, vectorHits, focusHits] = await Promise.all([
    keywordSearch(question),
    index.search.vectorSearch({ vector: queryVector, limit: depth, docId }),
    options.focus ? keywordSearch(options.focus) : [],
  ]);
  const keyword = new Map(keywordHits.map((h) => [h.id, h.score]));
  for (const h of focusHits) keyword.set(h.id, (keyword.get(h.id) ?? 0) + h.score);
  const ids = new Set([...keywordHits.slice(0, depth).map((h) => h.id), ...vectorHits.map((h) => h.id)]);
  const candidates: Candidate[] = [];
  for (const id of ids) {
    const passage = index.passageById.get(id);
    if (!passage) continue;
    const row = index.rowById.get(id)!;
    candidates.push({
      passage,
      scores: { keyword: keyword.get(id) ?? 0, vector: cosine(queryVector, index.vectors, row, index.dimensions) },
      score: 0,
    });
  }
  const fused = fuseScores(candidates.map((c) => c.scores), options.fusion ?? DEFAULT_FUSION);
  candidates.forEach((c, i) => (c.score = fused[i]));
  return candidates.sort((a, b) => b.score - a.score);
}
