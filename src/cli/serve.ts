// `npm start`: serve the corpus. The server answers /healthz (503) at once and the API once the
// index is loaded or built. With `--watch` it re-indexes when the folders change. With `--replica`
// (REPLICA=1) it never writes the index: it serves what a writer builds in INDEX_DIR and follows it.
import { serve } from '@hono/node-server';
import { AnswerEngine } from '../engine/answer-engine.js';
import { StartTracker } from '../engine/start-progress.js';
import { loadConfig } from '../config.js';
import { EVENTS_MAX_FILES, watchFolders, type FolderWatch } from '../ingest/watch-folders.js';
import { createApp } from '../server/app.js';
import { ensureJiebaLoaded } from '../search/tokenize/jieba-dictionary.js';
import { loadWorkerEmbedder } from '../search/embed/worker-embedder.js';
import type { Embedder } from '../search/embed/embedder.js';
import { answerClientErrors } from '../server/client-errors.js';
import { progressReporter } from './progress.js';
import { exposureWarnings, listeningUrl } from './startup-notes.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const loaded = loadConfig();
  // A replica takes no uploads and watches no folders: the writer does both, and the replica follows.
  const config = loaded.replica ? { ...loaded, adminToken: undefined, watch: false } : loaded;
  let engine: AnswerEngine | undefined;
  let embedder: Embedder | undefined;
  const log = (line: string) => console.error(`[xunyuan] ${line}`);
  // Until the index is ready the page and /healthz say how far the start has got.
  const start = new StartTracker();
  const app = createApp(() => engine, { ...config, logRequests: process.env.LOG_REQUESTS !== '0', startProgress: () => (engine ? undefined : start.progress), documentsRead: () => start.documentsRead });
  exposureWarnings(config).forEach(log);
  // jieba's dictionary loads on the main thread in about a second. Loaded here, before the server
  // listens, it never holds /healthz: left to the first tokenizing (the index build, after the
  // embedding), it did, for 1.0-1.3 s (test/e2e/hostile-folder.test.ts).
  ensureJiebaLoaded();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  answerClientErrors(server);
  server.on('error', (err: NodeJS.ErrnoException) => {
    const reason = err.code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to another port` : err.message;
    console.error(`[xunyuan] cannot listen on ${config.host}:${config.port}: ${reason}`);
    process.exit(1);
  });
  server.on('listening', () => log(`listening on ${listeningUrl(config.host, config.port)} (corpus ${config.corpusDir})`));

  let watcher: FolderWatch | undefined;
  const stop = () => {
    console.error('[xunyuan] shutting down');
    void watcher?.close();
    // The model's worker stops once the questions it is embedding are answered, then the process exits.
    server.close(() => void (embedder?.close?.() ?? Promise.resolve()).finally(() => process.exit(0)));
    // Idle keep-alive connections would otherwise go on being answered until the fallback exit below.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const progress = progressReporter();
  if (loaded.replica && loaded.adminToken) log('replica: ADMIN_TOKEN ignored; add documents through the writer');
  // The model runs in a worker thread: while it embeds a question or a re-index, this thread answers.
  embedder = await loadWorkerEmbedder(config.modelDir);
  const opened = config.replica ? await AnswerEngine.openReplica({ ...config, log, embedder }) : await AnswerEngine.open({
        ...config,
        log,
        embedder,
        // A first build answers by keyword from the moment the files are read, while the model embeds.
        serveWhileBuilding: true,
        onRead: start.onRead,
        onProgress: (p) => {
          progress.update(p);
          start.onProgress(p);
        },
      });
  engine = opened;
  await opened.whenBuilt();
  progress.stop();
  if (config.watch) {
    // A failed re-index leaves the previous index serving; the next change tries again.
    const reindex = () => opened.refresh().catch((err: Error) => log(`re-index failed, still serving the previous index: ${err.message}`));
    watcher = watchFolders([config.corpusDir, config.uploadsDir], () => void reindex());
    const { events } = await watcher.ready;
    log(`watching ${config.corpusDir} and ${config.uploadsDir} for changes${events ? '' : ` (more than ${EVENTS_MAX_FILES.toLocaleString('en')} files: by looking at them, at most a tenth of the time)`}`);
  }
  if (config.adminToken) log('write endpoints on: POST /api/documents, DELETE /api/documents/:id (ADMIN_TOKEN)');
  log('ready');
});
