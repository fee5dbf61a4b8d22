// The API's write endpoints: POST /api/documents (a file upload or JSON {title, text}) and
// DELETE /api/documents/{id} for uploaded documents. Registered on the API app so /api/openapi.json lists them.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { EngineEnv } from '../contract/engine-source.js';
import { apiError, invalidRequest } from './api-error.js';
import { DocumentSummarySchema, ErrorSchema, IndexReportSchema, jobView, NewDocumentSchema, summarize, UploadFormSchema, UploadJobSchema } from '../contract/api-schemas.js';
import type { UploadJobs } from '../engine/upload-jobs.js';
import { requireAdmin } from './bearer-tokens.js';
import { addDocument, formatRefusal, removeDocument, type NewDocument, type WriteError } from '../engine/document-writes.js';

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });
const refusals = {
  400: error('Invalid request'),
  401: error('Missing or wrong admin token'),
  403: error('Writes are off (no ADMIN_TOKEN)'),
  503: error('Index still loading'),
};
const security = [{ bearer: [] }];

const addRoute = createRoute({
  method: 'post',
  path: '/documents',
  summary: 'Add a document (needs ADMIN_TOKEN)',
  description:
    'Send a file as multipart/form-data field `file` (text and web pages up to 2 MB in UTF-8, GBK/GB18030, Big5 or UTF-16; PDF, Word, CSV and images up to 20 MB), or JSON {title, text}. ' +
    'With the header `Prefer: respond-async` the request returns 202 at once with a job to follow at /api/jobs/{id}.',
  security,
  request: {
    body: {
      content: { 'application/json': { schema: NewDocumentSchema }, 'multipart/form-data': { schema: UploadFormSchema } },
    },
  },
  responses: {
    201: {
      content: { 'application/json': { schema: z.object({ document: DocumentSummarySchema, report: IndexReportSchema }) } },
      description: 'Added and indexed: it is searchable now',
    },
    200: {
      content: { 'application/json': { schema: z.object({ document: DocumentSummarySchema, duplicate: z.literal(true) }) } },
      description: 'The same file was added before: that document, nothing written',
    },
    202: {
      content: { 'application/json': { schema: z.object({ job: UploadJobSchema }) } },
      description: 'With `Prefer: respond-async`: queued; follow the job at the Location header',
    },
    ...refusals,
    413: error('File too large'),
    415: error('Not a supported file type or content type'),
    422: error('Not readable as text, or no text in it'),
  },
});

const jobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  summary: 'An upload job: where it has got, and its document or refusal when finished',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ job: UploadJobSchema }) } }, description: 'The job' },
    404: error('No such job (jobs are kept in memory, the newest 200)'),
    503: error('Index still loading'),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  summary: 'Delete an uploaded document (needs ADMIN_TOKEN)',
  security,
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ removed: z.string(), report: IndexReportSchema }) } }, description: 'Removed from the folder and the index' },
    ...refusals,
    404: error('No such document'),
    409: error('Not an uploaded document'),
  },
});

const refused = (c: Context, e: WriteError) => apiError(c, e.status, e.code, e.message);

/** The file or JSON document of the request, or the response refusing it. */
async function readNewDocument(c: Context): Promise<NewDocument | Response> {
  if (/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    const parsed = NewDocumentSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const { title, text } = parsed.data;
    // Written as Markdown so that the title is the document's first heading, as in any corpus file.
    return { fileName: `${title}.md`, bytes: Buffer.from(`# ${title}\n\n${text}\n`) };
  }
  const body = await c.req.parseBody({ all: true }).catch(() => undefined);
  if (body === undefined) return apiError(c, 400, 'invalid_request', 'the multipart body could not be read; send the file as multipart/form-data field `file`');
  if (Array.isArray(body.file)) return apiError(c, 400, 'invalid_request', 'send one file per request (one `file` field)');
  const parsed = UploadFormSchema.safeParse(body);
  if (!parsed.success) return invalidRequest(c, parsed.error);
  const { file } = parsed.data;
  return { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
}

export function documentWriteRoutes(api: OpenAPIHono<EngineEnv>, adminToken: string | undefined, jobs: UploadJobs): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' });
  const admin = requireAdmin(adminToken);
  api.use('/documents', async (c, next) => (c.req.method === 'POST' ? admin(c, next) : next()));
  api.use('/documents/*', async (c, next) => (c.req.method === 'DELETE' ? admin(c, next) : next()));
  api.use('/documents', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'POST' && !/^(application\/json|multipart\/form-data)\b/i.test(type)) {
      return apiError(c, 415, 'unsupported_media_type', 'send a file as multipart/form-data (field `file`) or JSON {title, text}');
    }
    await next();
  });

  // Documented through the registry and handled as plain routes: a refusal's status is only known at
  // run time, which the typed `openapi()` handlers do not allow.
  api.openAPIRegistry.registerPath(addRoute);
  api.openAPIRegistry.registerPath(removeRoute);
  api.openAPIRegistry.registerPath(jobRoute);

  api.post('/documents', async (c) => {
    const engine = c.var.engine;
    const doc = await readNewDocument(c);
    if (doc instanceof Response) return doc;
    if (/\brespond-async\b/i.test(c.req.header('prefer') ?? '')) {
      const byFormat = formatRefusal(doc);
      if (byFormat) return refused(c, byFormat);
      if (!jobs.hasRoomFor(doc.bytes.byteLength)) return apiError(c, 503, 'uploads_busy', 'too many uploads are waiting their turn; try again when they are done');
      const { job } = jobs.start(engine, doc);
      c.header('Location', `/api/jobs/${job.id}`);
      return c.json({ job: jobView(job) }, 202);
    }
    const result = await addDocument(engine, doc);
    if ('error' in result) return refused(c, result.error);
    const document = summarize(result.document);
    if ('duplicate' in result) return c.json({ document, duplicate: true }, 200);
    return c.json({ document, report: result.report }, 201);
  });

  api.get('/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    return job ? c.json({ job: jobView(job) }, 200) : apiError(c, 404, 'unknown_job', 'no such job (jobs are kept in memory, the newest 200)');
  });

  api.delete('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const result = await removeDocument(c.var.engine, id);
    if ('error' in result) return refused(c, result.error);
    return c.json({ removed: id, report: result.report }, 200);
  });
}
