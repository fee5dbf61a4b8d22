// The model run in a worker thread. onnxruntime-node runs a session synchronously on the thread that
// calls it (its `run` only defers the call with setImmediate), so in the server's own thread every
// question's embedding, and every passage of a re-index, held up /healthz, pages and other questions
// for as long as the model ran. In a worker it runs on the other core while the server answers.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../util/start-worker.js';
import { ModelError, type Embedder } from './embedder.js';

export interface EmbedRequest {
  id: number;
  kind: 'queries' | 'passages';
  texts: string[];
}

export type EmbedReply = { id: number; vectors: number[][] } | { id: number; error: string };

type Ready = { fingerprint: string; dimensions: number } | { failed: string };

/** An embedder whose model runs in a worker thread; the same model and results as `loadEmbedder`'s. */
export async function loadWorkerEmbedder(modelDir: string): Promise<Embedder> {
  const worker = startWorker(import.meta.url, 'embedder-worker', { modelDir });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new ModelError(`the embedding worker stopped while loading the model (exit code ${code})`)));
  });
  if ('failed' in ready) {
    await worker.terminate();
    throw new ModelError(ready.failed);
  }
  return workerEmbedder(worker, ready);
}

function workerEmbedder(worker: Worker, { fingerprint, dimensions }: { fingerprint: string; dimensions: number }): Embedder {
  const pending = new Map<number, { resolve: (v: number[][]) => void; reject: (e: Error) => void }>();
  let next = 0;
  /** Called when the last request in flight is answered (`close` waits for it). */
  let drained: () => void = () => {};
  // The worker keeps the process alive only while it has work: a command that is done can exit.
  worker.unref();
  worker.on('message', (reply: EmbedReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) {
      worker.unref();
      drained();
    }
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.vectors);
  });
  let stopped: Error | undefined;
  const failAll = (err: Error) => {
    stopped ??= err;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the embedding worker stopped (exit code ${code})`)));
  const send = (kind: EmbedRequest['kind'], texts: string[]) =>
    new Promise<number[][]>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, kind, texts } satisfies EmbedRequest);
    });
  const close = async () => {
    stopped ??= new Error('the embedding worker was closed');
    if (pending.size > 0) await new Promise<void>((resolve) => (drained = resolve));
    await worker.terminate();
  };
  return { fingerprint, dimensions, apart: true, embedQueries: (questions) => send('queries', questions), embedPassages: (texts) => send('passages', texts), close };
}
