// The worker thread `loadWorkerEmbedder` starts: loads the model, says what it is, then embeds what it
// is sent, one request at a time, in the order sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadEmbedder, type Embedder } from './embedder.js';
import type { EmbedReply, EmbedRequest } from './worker-embedder.js';

const port = parentPort!;
let embedder: Embedder;
try {
  embedder = await loadEmbedder((workerData as { modelDir: string }).modelDir);
} catch (err) {
  port.postMessage({ failed: (err as Error).message });
  process.exit(0);
}
port.postMessage({ fingerprint: embedder.fingerprint, dimensions: embedder.dimensions });
port.on('message', async ({ id, kind, texts }: EmbedRequest) => {
  try {
    const vectors = await (kind === 'queries' ? embedder.embedQueries(texts) : embedder.embedPassages(texts));
    port.postMessage({ id, vectors } satisfies EmbedReply);
  } catch (err) {
    port.postMessage({ id, error: (err as Error).message } satisfies EmbedReply);
  }
});
