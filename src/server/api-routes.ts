// The JSON API: /api/ask, /api/documents (reading; the write endpoints are in document-write-routes),
// the OpenAI-compatible /v1 routes (openai-routes), and /api/openapi.json describing all of them.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AnswerEngine, AskInput } from '../engine/answer-engine.js';
import { apiError, invalidRequest } from './api-error.js';
import {
  AskBodySchema,
  AskQuerySchema,
  AskResponseSchema,
  DocumentSchema,
  DocumentSummarySchema,
  FolderSummarySchema,
  SkippedFileSchema,
  ErrorSchema,
  summarize,
  askInputOf,
} from '../contract/api-schemas.js';
import { bodySizeLimit, MAX_BODY_BYTES, UPLOAD_BODY_BYTES } from './body-size.js';
import { documentWriteRoutes } from './document-write-routes.js';
import { ownErrors } from './surface-errors.js';
import { apiErrorBody, requireApiToken } from './bearer-tokens.js';
import { withEngine, type EngineEnv, type EngineSource } from '../contract/engine-source.js';
import { openaiRoutes } from './openai-routes.js';
import { foldersOf, isScopeError } from '../engine/scope.js';
import type { UploadJobs } from '../engine/upload-jobs.js';
import type { Context } from 'hono';

const errors = {
  400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Invalid request' },
  404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Unknown document or folder' },
  503: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Index still loading' },
};
const askOk = { 200: { content: { 'application/json': { schema: AskResponseSchema } }, description: 'The answer and ranked passages' } };

const askPost = createRoute({
  method: 'post',
  path: '/ask',
  summary: 'Ask a question',
  request: { body: { content: { 'application/json': { schema: AskBodySchema } }, required: true } },
  responses: { ...askOk, ...errors, 415: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not JSON' } },
});

const askGet = createRoute({
  method: 'get',
  path: '/ask',
  summary: 'Ask a question (query string)',
  request: { query: AskQuerySchema },
  responses: { ...askOk, ...errors },
});

const listDocuments = createRoute({
  method: 'get',
  path: '/documents',
  summary: 'The indexed documents',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ documents: z.array(DocumentSummarySchema), folders: z.array(FolderSummarySchema).openapi({ description: 'Every folder holding documents, at any depth, with what lies under it.' }), skipped: z.array(SkippedFileSchema).openapi({ description: 'Files in the folders that were not read, with the reason.' }) }) } },
      description: 'Documents',
    },
    503: errors[503],
  },
});

const getDocument = createRoute({
  method: 'get',
  path: '/documents/{id}',
  summary: 'One cleaned document with its articles and paragraph anchors',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { content: { 'application/json': { schema: DocumentSchema } }, description: 'Document' }, 404: errors[404], 503: errors[503] },
});

export interface ApiOptions {
  adminToken?: string;
  apiToken?: string;
  /** The address the server listens on: beyond loopback, asking needs API_TOKEN. */
  host: string;
  publicUrl?: string;
  /** Upload jobs, shared with the page's uploads. */
  jobs: UploadJobs;
}

export function apiRoutes(getEngine: EngineSource, options: ApiOptions) {
  const api = new OpenAPIHono<EngineEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return invalidRequest(c, result.error);
    },
  });

  // This surface's own limits and errors, all in the API's shape: uploads may be large, the rest is small.
  const small = bodySizeLimit(MAX_BODY_BYTES, apiError);
  const large = bodySizeLimit(UPLOAD_BODY_BYTES, apiError);
  api.use('*', (c, next) => (c.req.path === '/api/documents' ? large : small)(c, next));
  api.use('/ask', requireApiToken(options.apiToken, options.host, apiErrorBody));
  api.use('/ask', async (c, next) => {
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return apiError(c, 415, 'unsupported_media_type', 'send the question as JSON (content-type: application/json)');
    }
    await next();
  });
  const engineReady = withEngine(getEngine, (c) => apiError(c, 503, 'index_loading', 'the index is still loading; try again in a moment'));
  api.use('*', (c, next) => (c.req.path.endsWith('/openapi.json') ? next() : engineReady(c, next)));

  /** The answer, or the scope's reason for naming nothing. */
  const answer = async (engine: AnswerEngine, input: AskInput) => {
    const scope = engine.scope(input);
    return isScopeError(scope) ? scope : engine.ask(input);
  };
  const answered = (c: Context, result: Awaited<ReturnType<typeof answer>>) =>
    'code' in result ? apiError(c, 404, result.code, result.message) : c.json(result, 200);

  api.openapi(askPost, async (c) => {
    return answered(c, await answer(c.var.engine, askInputOf(c.req.valid('json'))));
  });

  api.openapi(askGet, async (c) => {
    const { q, ...rest } = c.req.valid('query');
    return answered(c, await answer(c.var.engine, { question: q, ...rest }));
  });

  api.openapi(listDocuments, (c) => {
    const engine = c.var.engine;
    const documents = engine.documents();
    return c.json({ documents: documents.map(summarize), folders: foldersOf(documents), skipped: engine.skippedFiles() }, 200);
  });

  documentWriteRoutes(api, options.adminToken, options.jobs);

  api.openapi(getDocument, (c) => {
    const doc = c.var.engine.document(c.req.valid('param').id);
    if (!doc) return apiError(c, 404, 'unknown_document', 'no such document');
    return c.json(doc, 200);
  });
  ownErrors(api, apiError, '*');

  // Sub-apps are copied into the root, with their OpenAPI definitions, when mounted: mount them last,
  // after the middleware that must run before their handlers.
  // The description is built when asked for, from every route mounted by then; it is registered
  // first so that the API's answer to unknown paths under /api does not take its path.
  const root = new OpenAPIHono();
  root.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'xunyuan 寻源', version: '0.1.0', description: 'Question answering over Chinese documents, with quoted, linked sources.' },
  });
  root.route('/api', api);
  root.route('/v1', openaiRoutes(getEngine, options));
  return root;
}
