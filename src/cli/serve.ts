// `npm start`: serve the corpus. The server answers /healthz (503) at once and the API once the
// index is loaded or built.
import { serve } from '@hono/node-server';
import { AnswerEngine } from '../answer-engine.js';
import { loadConfig } from '../config.js';
import { createApp } from '../server/app.js';
import { progressReporter } from './progress.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  let engine: AnswerEngine | undefined;
  const app = createApp(() => engine, { logRequests: process.env.LOG_REQUESTS !== '0' });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  server.on('error', (err: NodeJS.ErrnoException) => {
    const reason = err.code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to another port` : err.message;
    console.error(`[xunyuan] cannot listen on ${config.host}:${config.port}: ${reason}`);
    process.exit(1);
  });
  server.on('listening', () => console.error(`[xunyuan] listening on http://${config.host}:${config.port} (corpus ${config.corpusDir})`));

  const stop = () => {
    console.error('[xunyuan] shutting down');
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const progress = progressReporter();
  engine = await AnswerEngine.open({ ...config, log: (l) => console.error(`[xunyuan] ${l}`), onProgress: progress.update });
  progress.stop();
  console.error('[xunyuan] ready');
});
