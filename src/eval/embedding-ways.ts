// The ways of running the model that the benches compare: the build's own and the others worth
// measuring against it. The fastest is the bare-embedding baseline a build is measured against.
import { EMBED_BATCH } from '../search/embed/embedding-queue.js';
import type { Embedder, ModelSettings } from '../search/embed/embedder.js';

export interface EmbeddingWay {
  label: string;
  /** Passages per model call. */
  batch: number;
  settings: ModelSettings;
}

export const EMBEDDING_WAYS: readonly EmbeddingWay[] = [
  { label: `batch ${EMBED_BATCH}, arena on (the build's)`, batch: EMBED_BATCH, settings: {} },
  { label: 'batch 1, arena off', batch: 1, settings: { memoryArena: false } },
  { label: 'batch 1, one thread', batch: 1, settings: { threads: 1 } },
  { label: 'batch 8, arena on', batch: 8, settings: {} },
];

/** Seconds to embed `texts` in model calls of `batch`. */
export async function secondsToEmbed(embedder: Embedder, texts: readonly string[], batch: number): Promise<number> {
  const started = performance.now();
  for (let k = 0; k < texts.length; k += batch) await embedder.embedPassages(texts.slice(k, k + batch));
  return (performance.now() - started) / 1000;
}
