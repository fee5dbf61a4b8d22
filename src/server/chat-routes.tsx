// The chat page: GET / shows a conversation (its questions are in the URL), POST /ask answers one
// more question. With htmx (HX-Request) the answer comes back as one turn to append; without
// JavaScript the browser is redirected to the page of the longer conversation. Both render what
// engine.ask returns, the same call the JSON API makes. With ADMIN_TOKEN, POST /upload adds a document.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AnswerEngine } from '../engine/answer-engine.js';
import { citationOf } from '../chat/citation.js';
import { cleanHistory, contextOf, conversationUrl, MAX_TURNS, replay } from '../chat/conversation.js';
import { exampleQuestions } from '../chat/example-questions.js';
import type { AskResult } from '../search/answer/compose-answer.js';
import { ChatPage, HistoryInputs } from '../../views/chat-page.js';
import { ErrorTurn, TurnView, type ScopeNote } from '../../views/answer-card.js';
import { pickerLabel, pickerOptions, scopeFromPicker } from '../chat/scope-picker.js';
import { isScopeError, normalizeFolder, type Scope } from '../engine/scope.js';
import { LoadingPage } from '../../views/document-page.js';
import type { UploadState } from '../../views/upload-form.js';
import { formTokenMatches } from './bearer-tokens.js';
import { withEngine, type EngineEnv, type EngineSource } from '../contract/engine-source.js';
import type { UploadJobs } from '../engine/upload-jobs.js';
import { formatRefusal } from '../engine/document-writes.js';
import { UploadJobsPage } from '../../views/upload-jobs-page.js';
import { ACCEPTED_EXTENSIONS } from '../ingest/formats/format-reader.js';
import { MAX_BINARY_UPLOAD_BYTES, MAX_FILES_PER_UPLOAD, MAX_QUESTION_CHARS, MAX_UPLOAD_BYTES } from '../limits.js';

const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/**
 * The scope a request names. The 范围 field (`scope`) holds a label a person typed or picked: one that
 * names nothing is undefined, for the page to say so. Links and example forms carry `doc` and `folder`
 * ids instead: an unknown one is dropped (everything is searched), as a stale link should be.
 */
function requestedScope(engine: AnswerEngine, fields: { scope?: unknown; doc?: unknown; folder?: unknown }): Scope | undefined {
  if (typeof fields.scope === 'string') return scopeFromPicker(engine, fields.scope);
  const scope: Scope = {};
  const doc = firstString(fields.doc);
  const folder = firstString(fields.folder);
  if (doc && !isScopeError(engine.scope({ docId: doc }))) scope.docId = doc;
  if (folder && !isScopeError(engine.scope({ folder }))) scope.folder = normalizeFolder(folder);
  return isScopeError(engine.scope(scope)) ? {} : scope;
}

const unknownScope = (label: string) => `范围「${label.slice(0, 80)}」不是文档的标题，也不是文件夹：请从“范围”的候选里选，或清空它在全部文档里查找。`;

function problemWith(question: string): string | undefined {
  if (question === '') return '请先输入问题。';
  if (question.length > MAX_QUESTION_CHARS) return `问题太长了：最多 ${MAX_QUESTION_CHARS} 个字，现在是 ${question.length} 个。`;
  return undefined;
}

/** The upload refusals in the page's language; the API's English messages name the same rules. */
const UPLOAD_PROBLEMS: Record<string, string> = {
  unsupported_file_type: `只能添加 ${ACCEPTED_EXTENSIONS.join('、')} 文件。`,
  payload_too_large: `文件太大了：文本和网页最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，PDF、Word、Excel、幻灯片、电子书和图片最大 ${MAX_BINARY_UPLOAD_BYTES / 1024 / 1024} MB。`,
  undecodable: '无法读取这个文件（编码无法识别、文件损坏或加密，或是没有文字层的扫描件）。',
  empty_document: '这个文件里没有可以索引的文字。',
  writes_disabled: '这个服务器没有上传文件夹。',
  insufficient_storage: '磁盘已满，文件没有保存。',
  read_only_storage: '存储是只读的，文件没有保存。',
  storage_permission_denied: '服务器没有写入权限，文件没有保存。',
  index_busy: '索引正在被另一个程序写入，请稍后再试。',
};

const jobsUrl = (ids: string[]) => `/upload/jobs?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`;

/** Said when a conversation is longer than the link keeps (MAX_TURNS), rather than dropping turns without a word. */
const HISTORY_CUT_NOTICE = `这段对话的链接只保留最近 ${MAX_TURNS} 轮问答：更早的问题仍显示在本页，但重新加载或分享链接后不再出现，也不再作为追问的上下文。`;

/** `loading`: the page shown while the index is not ready (with the first build's progress). */
export function chatRoutes(getEngine: EngineSource, jobs: UploadJobs, adminToken?: string, loading: (c: Context) => Response | Promise<Response> = (c) => c.html(<LoadingPage />, 503)) {
  const app = new Hono<EngineEnv>();
  const engineReady = withEngine(getEngine, loading);
  app.use('/', engineReady);
  app.use('/upload', engineReady);
  app.use('/upload/jobs', engineReady);
  app.use('/ask', engineReady);

  const turnOf = (engine: AnswerEngine, examples: string[], scope?: ScopeNote) => (question: string, result: AskResult, notice?: string) => (
    <TurnView question={question} result={result} cite={(p) => citationOf(engine, p)} examples={examples} notice={notice} scope={scope} />
  );

  /** A scoped conversation's document or folder, with questions it answers, for its no-answer cards. */
  async function scopeNote(engine: AnswerEngine, scope: Scope): Promise<ScopeNote | undefined> {
    const resolved = engine.scope(scope);
    if (resolved === undefined || isScopeError(resolved)) return undefined;
    return { scope, kind: resolved.kind, label: resolved.label, examples: await exampleQuestions(engine, scope) };
  }

  async function page(
    c: Context,
    engine: AnswerEngine,
    history: string[],
    scope: Scope,
    error?: string,
    upload: UploadState = {},
    status: ContentfulStatusCode = 200,
    cut?: string,
    label?: string,
  ) {
    const examples = await exampleQuestions(engine);
    const render = turnOf(engine, examples, await scopeNote(engine, scope));
    const turns = (await replay(engine, history, scope)).map((t, i) => render(t.question, t.result, i === 0 ? cut : undefined));
    return c.html(
      <ChatPage
        turns={turns}
        history={history}
        examples={examples}
        documents={engine.documents().length}
        scopes={pickerOptions(engine)}
        scope={label ?? pickerLabel(engine, scope)}
        error={error}
        upload={adminToken ? upload : undefined}
      />,
      error ? 400 : status,
    );
  }

  app.get('/', async (c) => {
    const engine = c.var.engine;
    const added = engine.summary(c.req.query('added') ?? '');
    const asked = c.req.queries('h') ?? [];
    const history = cleanHistory(asked);
    const label = c.req.query('scope');
    const scope = requestedScope(engine, { scope: label, doc: c.req.query('doc'), folder: c.req.query('folder') });
    if (!scope) return page(c, engine, history, {}, unknownScope(label ?? ''), {}, 400, undefined, label);
    return page(c, engine, history, scope, undefined, { added, duplicate: c.req.query('duplicate') === '1' }, 200, asked.length > history.length ? HISTORY_CUT_NOTICE : undefined);
  });

  app.post('/upload', async (c) => {
    const engine = c.var.engine;
    if (!adminToken) return c.text('adding documents is off: start the server with ADMIN_TOKEN set', 403);
    const refuse = (message: string, status: ContentfulStatusCode) => page(c, engine, [], {}, undefined, { error: message }, status);
    const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    if (!formTokenMatches(adminToken, form.token)) return refuse('管理口令不正确。', 401);
    const files = (Array.isArray(form.file) ? form.file : [form.file]).filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return refuse('请选择要上传的文件。', 400);
    if (files.length > MAX_FILES_PER_UPLOAD) return refuse(`一次最多上传 ${MAX_FILES_PER_UPLOAD} 个文件。`, 400);
    const docs = await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) })));
    if (!jobs.hasRoomFor(docs.reduce((sum, doc) => sum + doc.bytes.byteLength, 0))) return refuse('还有很多文件在排队处理，请等它们完成后再上传。', 503);
    for (const doc of docs) {
      const refused = formatRefusal(doc);
      if (refused) return refuse(`${docs.length > 1 ? `${doc.fileName}：` : ''}${UPLOAD_PROBLEMS[refused.code] ?? refused.message}`, refused.status);
    }
    return c.redirect(jobsUrl(docs.map((doc) => jobs.start(engine, doc).job.id)), 303);
  });

  app.get('/upload/jobs', (c) => {
    const found = (c.req.queries('id') ?? []).slice(0, MAX_FILES_PER_UPLOAD).flatMap((id) => jobs.get(id) ?? []);
    return c.html(<UploadJobsPage jobs={found} problem={(job) => (job.error ? (UPLOAD_PROBLEMS[job.error.code] ?? job.error.message) : '')} />, found.length ? 200 : 404);
  });

  app.post('/ask', async (c) => {
    const engine = c.var.engine;
    const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const question = firstString(form.question).trim();
    const history = cleanHistory(form.h);
    const label = form.scope === undefined ? undefined : firstString(form.scope);
    const scope = requestedScope(engine, { scope: label, doc: form.docId, folder: form.folder });
    const htmx = c.req.header('hx-request') === 'true';
    const problem = problemWith(question) ?? (scope ? undefined : unknownScope(label ?? ''));

    if (problem !== undefined || !scope) {
      const message = problem ?? unknownScope(label ?? '');
      return htmx ? c.html(<ErrorTurn question={question.slice(0, 80)} message={message} />, 400) : page(c, engine, history, scope ?? {}, message, {}, 400, undefined, label);
    }

    const next = [...history, question].slice(-MAX_TURNS);
    if (!htmx) return c.redirect(conversationUrl(next, scope), 303);

    const result = await engine.ask({ question, ...scope, context: contextOf(history) });
    c.header('HX-Replace-Url', conversationUrl(next, scope));
    const cut = history.length + 1 > MAX_TURNS ? HISTORY_CUT_NOTICE : undefined;
    return c.html(
      <>
        {turnOf(engine, await exampleQuestions(engine), await scopeNote(engine, scope))(question, result, cut)}
        <hx-partial hx-target="#history" hx-swap="innerHTML">
          <HistoryInputs history={next} />
        </hx-partial>
      </>,
    );
  });

  return app;
}
