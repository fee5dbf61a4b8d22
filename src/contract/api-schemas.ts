// Request and response schemas of the JSON API. They validate requests and generate
// /api/openapi.json, so the documentation cannot drift from what the server accepts.
import { z } from '@hono/zod-openapi';
import { isUpload } from '../ingest/read-sources.js';
import type { DocumentSummary } from '../search/index/corpus.js';
import type { AskInput } from '../engine/answer-engine.js';
import type { UploadJob } from '../engine/upload-jobs.js';
import { MAX_QUESTION_CHARS, MAX_TITLE_CHARS, MAX_UPLOAD_BYTES, TOP_K } from '../limits.js';

export const QuestionSchema = z
  .string()
  .trim()
  .min(1, 'question must not be empty')
  .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`)
  .openapi({ example: '冀南新区人民医院项目总投资多少?' });

const topKRange = `topK must be from ${TOP_K.min} to ${TOP_K.max}`;
const topK = z.number().int('topK must be a whole number').min(TOP_K.min, topKRange).max(TOP_K.max, topKRange);
const docId = z.string().min(1).max(200).openapi({ example: '000_7fb4536401fc41c5' });
const context = z
  .string()
  .trim()
  .max(MAX_QUESTION_CHARS, `context must be at most ${MAX_QUESTION_CHARS} characters`)
  .openapi({
    description: 'The previous question of a conversation: a short or elliptical question (那…呢?) is read with it.',
    example: '冀南新区人民医院投资多少?',
  });

const folder = z
  .string()
  .trim()
  .min(1, 'folder must not be empty')
  .max(500)
  .openapi({ description: 'A folder under the corpus (`laws`, `reports/2026`) or `@uploads`: only the documents under it are searched.', example: 'laws' });

export const ScopeSchema = z
  .object({ folder: folder.optional(), docId: docId.optional() })
  .openapi('Scope', { description: 'Where to look: one folder, one document, or a document that must lie in the folder. Left out: every document.' });

export const AskBodySchema = z
  .object({
    question: QuestionSchema,
    topK: topK.optional(),
    scope: ScopeSchema.optional(),
    docId: docId.optional().openapi({ description: 'The same as `scope: {docId}`, kept for older clients.' }),
    context: context.optional(),
  })
  .openapi('AskRequest');

/** The engine's input for an ask request: `scope` and the older top-level `docId` read as one. */
export function askInputOf({ scope, docId, ...rest }: { question: string; topK?: number; scope?: z.infer<typeof ScopeSchema>; docId?: string; context?: string }): AskInput {
  return { ...rest, docId: scope?.docId ?? docId, folder: scope?.folder };
}

export const AskQuerySchema = z.object({
  q: QuestionSchema.openapi({ param: { name: 'q', in: 'query' } }),
  topK: z.coerce
    .number()
    .pipe(topK)
    .optional()
    .openapi({ param: { name: 'topK', in: 'query' }, type: 'integer' }),
  docId: docId.optional().openapi({ param: { name: 'docId', in: 'query' } }),
  folder: folder.optional().openapi({ param: { name: 'folder', in: 'query' } }),
  context: context.optional().openapi({ param: { name: 'context', in: 'query' } }),
});

const OffsetsSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const PassageSchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    title: z.string(),
    text: z.string().openapi({ description: 'The cleaned passage as shown to a person.' }),
    quote: OffsetsSchema.openapi({ description: 'The best sentence, as UTF-16 offsets into text.' }),
    highlights: z.array(OffsetsSchema).openapi({ description: 'Where question words occur in text.' }),
    score: z.number(),
    scores: z
      .object({ keyword: z.number().openapi({ description: 'BM25' }), vector: z.number().openapi({ description: 'cosine' }) })
      .catchall(z.number())
      .openapi({ description: 'Each part of the score by the ranking stage that measured it: keyword and vector always, any other stage\'s part beside them.' }),
    relevance: z
      .object({ confidence: z.number(), level: z.enum(['高', '中', '低']) })
      .openapi({ description: 'The no-answer rule\'s confidence in the passage (0..1) and the level shown for it: 高, 中 (enough to answer), 低.' }),
    url: z.string().openapi({ example: '/docs/000_7fb4536401fc41c5#p8' }),
    page: z.number().int().optional().openapi({ description: 'For paged sources (PDF): the 1-based page the passage is on.' }),
    table: z
      .object({ sheet: z.string().optional(), row: z.number().int(), column: z.string().optional() })
      .optional()
      .openapi({ description: 'For a spreadsheet or CSV row: its sheet (workbooks only), its row number as the program shows it, and for the answer the column its words are in.' }),
    alsoIn: z
      .array(z.object({ docId: z.string(), title: z.string(), url: z.string() }))
      .optional()
      .openapi({ description: 'Other documents holding this passage word for word (up to 5): each text is listed once.' }),
  })
  .openapi('Passage');

export const AskResponseSchema = z
  .object({
    question: z.string(),
    followUpOf: z.string().optional().openapi({ description: 'Present when the question was read as a follow-up of this earlier question.' }),
    answer: z
      .object({
        text: z.string(),
        passageId: z.string(),
        docId: z.string(),
        url: z.string(),
        phrase: OffsetsSchema.optional().openapi({
          description: 'For a question asking for a figure, date, person or place: the words of text that answer it (UTF-16 offsets into text).',
        }),
        computed: z
          .object({ extreme: z.enum(['max', 'min']), column: z.string(), rows: z.number().int() })
          .optional()
          .openapi({ description: "For a table's highest or lowest (哪个地区增速最高): the answer is the row holding it, found by comparing this column's figures over this many rows." }),
      })
      .nullable(),
    message: z.string().optional().openapi({ example: '没有在文档中找到相关内容' }),
    overview: z
      .array(
        z.object({
          docId: z.string().optional(),
          folder: z.string().optional().openapi({ description: 'A large corpus is summarised by folder: this entry is a folder, its `articles` its largest documents.' }),
          documents: z.number().int().optional().openapi({ description: 'A folder entry: the documents under it.' }),
          title: z.string(),
          url: z.string(),
          articles: z.array(z.object({ title: z.string(), url: z.string() })),
        }),
      )
      .optional()
      .openapi({ description: 'For a broad question (这几篇报道讲了什么, 有哪些文章): the documents and their articles, linked, or past 12 documents each top folder with its count and largest documents; answer is null.' }),
    passages: z.array(PassageSchema),
    indexing: z
      .object({ done: z.number().int(), total: z.number().int() })
      .optional()
      .openapi({ description: 'Present while a first start is still computing the passages’ vectors (passages done of all): the answer came from keyword search alone, and is never marked 高.' }),
    tookMs: z.number(),
  })
  .openapi('AskResponse');

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    path: z.string().openapi({ description: 'Relative to the corpus folder; uploads start with `@uploads/`.' }),
    uploaded: z.boolean().openapi({ description: 'Added through the API or the page, and so deletable.' }),
    articles: z.number().int(),
    passages: z.number().int(),
  })
  .openapi('DocumentSummary');

export const FolderSummarySchema = z
  .object({
    folder: z.string().openapi({ description: 'A path under the corpus, as `scope.folder` takes it; uploads are `@uploads`.' }),
    documents: z.number().int(),
    passages: z.number().int(),
  })
  .openapi('FolderSummary');

export const SkippedFileSchema = z
  .object({
    path: z.string().openapi({ description: 'Relative to the corpus folder; uploads start with `@uploads/`.' }),
    reason: z.string().openapi({ description: 'Why the file was not read (damaged, too large, encrypted, OCR off…).' }),
  })
  .openapi('SkippedFile');

export const summarize = (d: DocumentSummary): z.infer<typeof DocumentSummarySchema> => ({
  id: d.id,
  title: d.title,
  path: d.path,
  uploaded: isUpload(d.path),
  articles: d.articles.length,
  passages: d.passages,
});

export const UploadJobSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    bytes: z.number().int(),
    state: z.enum(['queued', 'reading', 'indexing', 'done', 'failed']).openapi({ description: 'queued → reading (and OCR) → indexing → done, or failed with `error`.' }),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    document: DocumentSummarySchema.optional().openapi({ description: 'When done: the document, searchable now.' }),
    duplicate: z.boolean().optional().openapi({ description: 'The same file was added before: `document` is that one.' }),
    error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }).optional().openapi({ description: 'When failed: the refusal the synchronous upload would have answered.' }),
  })
  .openapi('UploadJob');

/** A job as the API shows it: its document summarised. */
export const jobView = (job: UploadJob): z.infer<typeof UploadJobSchema> => ({ ...job, document: job.document && summarize(job.document) });

export const NewDocumentSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'title must not be empty')
      .max(MAX_TITLE_CHARS, `title must be at most ${MAX_TITLE_CHARS} characters`)
      .openapi({ example: '社区通知' }),
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .max(MAX_UPLOAD_BYTES / 3, `text must be at most ${Math.floor(MAX_UPLOAD_BYTES / 3)} characters`)
      .openapi({ example: '本周六上午九点在社区广场举行义诊活动。' }),
  })
  .openapi('NewDocument');

export const UploadFormSchema = z.object({
  file: z.instanceof(File, { message: 'file must be a file (multipart field `file`)' }).openapi({ type: 'string', format: 'binary' }),
});

export const IndexReportSchema = z
  .object({
    documents: z.number().int(),
    passages: z.number().int(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    embedded: z.number().int().openapi({ description: 'Passages the model embedded; the others kept their vectors.' }),
  })
  .openapi('IndexReport');

const ParagraphSchema = z.object({
  index: z.number().int(),
  anchor: z.string(),
  kind: z.enum(['heading', 'byline', 'caption', 'body']),
  text: z.string(),
  section: z.string().optional(),
  sourceStart: z.number().int().openapi({ description: 'Offset of the paragraph in the source file.' }),
  sourceEnd: z.number().int(),
  sentences: z.array(OffsetsSchema),
  page: z.number().int().optional().openapi({ description: 'For paged sources: the 1-based page.' }),
});

export const DocumentSchema = z
  .object({
    id: z.string(),
    path: z.string(),
    title: z.string(),
    articles: z.array(z.object({ index: z.number().int(), title: z.string(), paragraphs: z.array(ParagraphSchema) })),
  })
  .openapi('Document');
