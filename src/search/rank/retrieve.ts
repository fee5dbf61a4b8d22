// Candidates from the index's keyword search and its vector search, each scored on both sides, then fused.
import type { Passage } from '../../ingest/chunk-passages.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { passageOf, passageWithVector } from '../index/corpus.js';
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
function cosine(query: number[], vector: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < vector.length; i++) dot += query[i] * vector[i];
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
  // A vector hit comes with its cosine; only keyword hits need theirs computed, from the corpus's vectors.
  const vector = new Map(vectorHits.map((h) => [h.id, h.score]));
  const ids = new Set([...keywordHits.slice(0, depth).map((h) => h.id), ...vector.keys()]);
  const candidates: Candidate[] = [];
  for (const id of ids) {
    const knownCosine = vector.get(id);
    const found = knownCosine === undefined ? passageWithVector(index.corpus, id, index.dimensions) : undefined;
    const passage = found?.passage ?? passageOf(index.corpus, id);
    if (!passage) continue;
    candidates.push({ passage, scores: { keyword: keyword.get(id) ?? 0, vector: knownCosine ?? cosine(queryVector, found!.vector) }, score: 0 });
  }
  const fused = fuseScores(candidates.map((c) => c.scores), options.fusion ?? DEFAULT_FUSION);
  candidates.forEach((c, i) => (c.score = fused[i]));
  return candidates.sort((a, b) => b.score - a.score);
}
