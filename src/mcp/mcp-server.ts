// xunyuan as an MCP server for AI assistants (Claude Desktop, Cursor, Cline…): four tools over the
// same engine and the same zod schemas as the JSON API. Every result comes twice: as Markdown for the
// model to read (quotes and links kept) and as structured content for programs.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from '@hono/zod-openapi';
import { absoluteUrl, answerMarkdown, sourcesMarkdown } from '../chat/answer-markdown.js';
import type { AnswerEngine, AskInput } from '../engine/answer-engine.js';
import type { StoredDocument } from '../ingest/document-model.js';
import { documentUrl } from '../urls.js';
import { AskBodySchema, askInputOf, AskResponseSchema, DocumentSummarySchema, FolderSummarySchema, PassageSchema, summarize } from '../contract/api-schemas.js';
import { foldersOf, isScopeError } from '../engine/scope.js';
import type { AskResult } from '../search/answer/compose-answer.js';
import type { EngineSource } from '../contract/engine-source.js';

/** A whole document is cut here in a tool result; the assistant can ask for any paragraph by anchor. */
const MAX_DOCUMENT_CHARS = 20_000;

const SearchInputSchema = AskBodySchema.pick({ question: true, topK: true, scope: true, docId: true });
const DocumentInputSchema = z.object({
  id: z.string().min(1).max(200).describe('The document id (docId of a passage, or id from list_documents).'),
  anchor: z
    .string()
    .regex(/^p[0-9]{1,6}$/, 'anchor looks like p12')
    .optional()
    .describe('A paragraph anchor (the part after # in a passage url, e.g. p12): that paragraph with the one before and after it.'),
});
const ParagraphOutSchema = z.object({ anchor: z.string(), article: z.string(), kind: z.string(), text: z.string(), url: z.string() });
const DocumentOutSchema = z.object({ id: z.string(), title: z.string(), path: z.string(), paragraphs: z.array(ParagraphOutSchema), truncated: z.boolean() });

const failure = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });
const LOADING = 'The index is still loading; try again in a moment. 索引仍在加载，请稍后再试。';

function paragraphsOf(doc: StoredDocument, anchor: string | undefined, publicUrl: string | undefined) {
  const all = doc.articles.flatMap((a) => a.paragraphs.map((p) => ({ anchor: p.anchor, article: a.title, kind: p.kind, text: p.text, url: absoluteUrl(documentUrl(doc.id, p.anchor), publicUrl) })));
  if (anchor === undefined) return all;
  const at = all.findIndex((p) => p.anchor === anchor);
  return at < 0 ? undefined : all.slice(Math.max(0, at - 1), at + 2);
}

function documentResult(doc: StoredDocument, anchor: string | undefined, publicUrl: string | undefined): CallToolResult {
  const paragraphs = paragraphsOf(doc, anchor, publicUrl);
  if (!paragraphs) return failure(`Document ${doc.id} has no paragraph ${anchor}. 文档中没有这个段落。`);
  const kept: typeof paragraphs = [];
  let chars = 0;
  for (const p of paragraphs) {
    if (chars + p.text.length > MAX_DOCUMENT_CHARS && kept.length > 0) break;
    kept.push(p);
    chars += p.text.length;
  }
  const truncated = kept.length < paragraphs.length;
  const text =
    `# ${doc.title}\n\n` +
    kept.map((p) => `[${p.anchor}](${p.url}) ${p.text}`).join('\n\n') +
    (truncated ? `\n\n(${paragraphs.length - kept.length} more paragraphs: ask for one by its anchor.)` : '');
  return { content: [{ type: 'text', text }], structuredContent: { id: doc.id, title: doc.title, path: doc.path, paragraphs: kept, truncated } };
}

/**
 * `opened`: the engine once its index is open. Given (stdio: one assistant, which calls a tool right
 * after `initialize` and treats a failure as final), a tool called while the index loads waits for it,
 * with a progress notification when the call asked for progress; without it (HTTP, which has its own
 * 503), the tool says the index is loading.
 */
export function createMcpServer(getEngine: EngineSource, publicUrl?: string, opened?: Promise<AnswerEngine>): McpServer {
  const server = new McpServer({ name: 'xunyuan', version: '0.1.0' });

  /** Runs a tool with the engine, waiting for it or saying it is loading; a wrong document id is a tool error, not a crash. */
  const withEngine =
    <A>(run: (engine: AnswerEngine, args: A) => Promise<CallToolResult> | CallToolResult) =>
    async (args: A, extra: RequestHandlerExtra<ServerRequest, ServerNotification>): Promise<CallToolResult> => {
      let engine = getEngine();
      if (!engine && opened) {
        const progressToken = extra._meta?.progressToken;
        if (progressToken !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: 0, message: LOADING } });
        engine = await opened;
      }
      return engine ? run(engine, args) : failure(LOADING);
    };
  const unknownDocument = (id: string) => failure(`No document with id ${id}; list_documents gives the ids. 没有这个文档。`);
  /** The answer, or a tool error naming the scope that names nothing. */
  const asked = async (engine: AnswerEngine, input: AskInput): Promise<AskResult | CallToolResult> => {
    const scope = engine.scope(input);
    return isScopeError(scope) ? failure(`${scope.message}; list_documents gives the ids and folders. 范围里没有文档。`) : engine.ask(input);
  };
  const isFailure = (r: AskResult | CallToolResult): r is CallToolResult => 'content' in r;

  server.registerTool(
    'ask',
    {
      title: 'Ask the documents 问文档',
      description:
        'Answer a question from the local Chinese documents: the sentence that answers it (the answering words in bold), and the ranked source passages, each quoted with a link to its paragraph. ' +
        'Returns no answer (没有在文档中找到相关内容) when the documents do not cover it. 根据本地中文文档回答问题：给出回答的句子和带引文、链接的来源段落。',
      inputSchema: AskBodySchema,
      outputSchema: AskResponseSchema,
    },
    withEngine(async (engine, input: z.infer<typeof AskBodySchema>) => {
      const result = await asked(engine, askInputOf(input));
      if (isFailure(result)) return result;
      return { content: [{ type: 'text', text: answerMarkdown(engine, result, publicUrl) }], structuredContent: { ...result } };
    }),
  );

  server.registerTool(
    'search',
    {
      title: 'Search passages 检索段落',
      description: 'The passages that best match a question, ranked, each with its best sentence quoted and a link; no answer line. 检索与问题最相关的段落，按相关度排序。',
      inputSchema: SearchInputSchema,
      outputSchema: z.object({ passages: z.array(PassageSchema) }),
    },
    withEngine(async (engine, input: z.infer<typeof SearchInputSchema>) => {
      const result = await asked(engine, askInputOf(input));
      if (isFailure(result)) return result;
      return { content: [{ type: 'text', text: sourcesMarkdown(engine, result.passages, publicUrl) || '(no passages)' }], structuredContent: { passages: result.passages } };
    }),
  );

  server.registerTool(
    'get_document',
    {
      title: 'Read a document 读取文档',
      description: 'A document\'s paragraphs with their anchors, or, given an anchor, that paragraph with its neighbours: to read around a quote. 读取整篇文档，或某个段落及其前后段落。',
      inputSchema: DocumentInputSchema,
      outputSchema: DocumentOutSchema,
    },
    withEngine((engine, { id, anchor }: z.infer<typeof DocumentInputSchema>) => {
      const doc = engine.document(id);
      return doc ? documentResult(doc, anchor, publicUrl) : unknownDocument(id);
    }),
  );

  server.registerTool(
    'list_documents',
    {
      title: 'List documents 文档列表',
      description: 'The indexed documents (id, title, path, how many articles and passages each has) and their folders, which `scope.folder` of ask and search takes. 已索引的文档和文件夹列表。',
      outputSchema: z.object({ documents: z.array(DocumentSummarySchema), folders: z.array(FolderSummarySchema) }),
    },
    // A tool without input is called with `extra` alone.
    (extra: RequestHandlerExtra<ServerRequest, ServerNotification>) =>
      withEngine((engine) => {
        const documents = engine.documents().map(summarize);
        const folders = foldersOf(engine.documents());
        const text =
          [
            ...folders.map((f) => `- folder ${f.folder}/ (${f.documents} documents, ${f.passages} passages)`),
            ...documents.map((d) => `- ${d.title} (id ${d.id}, ${d.path}, ${d.passages} passages)`),
          ].join('\n') || '(no documents)';
        return { content: [{ type: 'text', text }], structuredContent: { documents, folders } };
      })(undefined, extra),
  );

  return server;
}
