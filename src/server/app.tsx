// The HTTP application: JSON API under /api, health, and the HTML pages.
import { Hono, type Context } from 'hono';
import { DocumentPage, LoadingPage, NotFoundPage, type Cited } from '../../views/document-page.js';
import { DocumentListPage, DocumentsReadPage } from '../../views/document-list-page.js';
import { listDocuments } from '../chat/document-listing.js';
import type { StartProgress } from '../engine/start-progress.js';
import { pageImage } from '../engine/page-images.js';
import { removeDocument } from '../engine/document-writes.js';
import { apiError } from './api-error.js';
import { apiRoutes } from './api-routes.js';
import { bodySizeLimit, UPLOAD_BODY_BYTES } from './body-size.js';
import { hostCheck } from './host-check.js';
import { requestLog } from './request-log.js';
import { chatRoutes } from './chat-routes.js';
import type { EngineSource } from '../contract/engine-source.js';
import { mcpRoute } from './mcp-route.js';
import { formTokenMatches } from './bearer-tokens.js';
import { securityHeaders } from './security-headers.js';
import { assetRoutes } from './static-assets.js';
import { ownErrors } from './surface-errors.js';
import { removedUrl } from '../urls.js';
import { UploadJobs } from '../engine/upload-jobs.js';

/** The paragraph and quote offsets a citation link carries (`?p=p8&s=12&e=40`), when well formed. */
function citedFrom(query: (name: string) => string | undefined): Cited | undefined {
  const anchor = query('p');
  const start = Number(query('s'));
  const end = Number(query('e'));
  if (!anchor || !/^p[0-9]{1,6}$/.test(anchor)) return undefined;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start ? { anchor, start, end } : { anchor, start: 0, end: 0 };
}

export interface AppOptions {
  /** Log one line per request (method, path, status, time; never what was asked). */
  logRequests?: boolean;
  /** Turns on adding and deleting documents, for whoever presents it. */
  adminToken?: string;
  /** Required for asking (/api/ask, /v1, /mcp) when `host` is beyond loopback. */
  apiToken?: string;
  /** The address the server listens on (default loopback). */
  host?: string;
  /** Where people reach the server: links in chat and MCP replies become absolute. */
  publicUrl?: string;
  /** Host names answered besides loopback names, IP addresses, `host` and `publicUrl`'s. */
  allowedHosts?: string[];
  /** How far the first build has got, shown while the index is not ready. */
  startProgress?: () => StartProgress | undefined;
  /** The documents read so far while the index is not ready, for the documents page. */
  documentsRead?: () => readonly string[];
}

export function createApp(getEngine: EngineSource, options: AppOptions = {}) {
  const app = new Hono();
  if (options.logRequests) app.use(requestLog());
  app.use(hostCheck(options));
  app.use(securityHeaders());
  // The pages' limits; the API, /v1 and MCP set their own (each in its own sub-app).
  const small = bodySizeLimit();
  app.use('/ask', small);
  app.use('/upload', bodySizeLimit(UPLOAD_BODY_BYTES));

  const loading = (c: Context) => c.html(<LoadingPage progress={options.startProgress?.()} />, 503);
  app.get('/healthz', (c) => {
    const engine = getEngine();
    const progress = options.startProgress?.();
    if (!engine) return c.json({ status: 'loading', ...(progress ? { progress } : {}) }, 503);
    const indexing = engine.indexing;
    return c.json({ status: 'ok', documents: engine.documents().length, passages: engine.passageCount, ...(indexing ? { indexing } : {}) }, 200);
  });

  const host = options.host ?? '127.0.0.1';
  const jobs = new UploadJobs();
  app.route('/', apiRoutes(getEngine, { ...options, host, jobs }));
  app.route('/', mcpRoute(getEngine, { ...options, host }));
  app.route('/', assetRoutes());
  app.route('/', chatRoutes(getEngine, jobs, options.adminToken, loading));

  const writes = options.adminToken !== undefined;
  app.get('/docs', (c) => {
    const engine = getEngine();
    if (!engine) return c.html(<DocumentsReadPage progress={options.startProgress?.()} paths={options.documentsRead?.() ?? []} />, 503);
    const removed = c.req.query('removed');
    const listing = listDocuments(engine, { q: c.req.query('q'), folder: c.req.query('folder'), page: Number(c.req.query('page') ?? 1) });
    return c.html(<DocumentListPage listing={listing} skipped={engine.skippedFiles()} writes={writes} message={removed ? `已删除：${removed}` : undefined} />);
  });

  // Deleting from the documents page: a plain form with the admin token, so it works without script.
  app.use('/docs/:id/delete', small);
  app.post('/docs/:id/delete', async (c) => {
    const engine = getEngine();
    if (!engine) return loading(c);
    const refuse = (error: string, status: 400 | 401 | 403 | 404 | 409 | 503 | 507) => c.html(<DocumentListPage listing={listDocuments(engine, {})} skipped={engine.skippedFiles()} writes={writes} error={error} />, status);
    if (!options.adminToken) return refuse('删除文档的功能没有开启：启动服务器时设置 ADMIN_TOKEN。', 403);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!formTokenMatches(options.adminToken, form.token)) return refuse('管理口令不正确。', 401);
    const doc = engine.document(c.req.param('id'));
    const result = await removeDocument(engine, c.req.param('id'));
    if ('error' in result) return refuse(result.error.message, result.error.status as 404 | 409 | 503 | 507);
    return c.redirect(removedUrl(doc?.title ?? c.req.param('id')), 303);
  });

  // A page image (a scan, or a PDF page drawn once): the source view draws the cited lines over it.
  app.get('/docs/:id/scans/:n', async (c) => {
    const engine = getEngine();
    if (!engine) return loading(c);
    const image = await pageImage(engine, c.req.param('id'), Number(c.req.param('n')));
    if (!image) return c.html(<NotFoundPage />, 404);
    return c.body(new Uint8Array(image.bytes), 200, { 'content-type': image.type, 'cache-control': 'private, max-age=86400' });
  });

  app.get('/docs/:id', (c) => {
    const engine = getEngine();
    if (!engine) return loading(c);
    const doc = engine.document(c.req.param('id'));
    if (!doc) return c.html(<NotFoundPage />, 404);
    return c.html(<DocumentPage doc={doc} cited={citedFrom((name) => c.req.query(name))} />);
  });

  // Paths no surface knows: a page. (`/api` itself is the API's, which has nothing there.)
  app.notFound((c) => (c.req.path === '/api' ? apiError(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`) : c.html(<NotFoundPage />, 404)));
  ownErrors(app, apiError);

  return app;
}
