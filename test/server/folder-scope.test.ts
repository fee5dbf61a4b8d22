// Folders as collections on every surface: the JSON API (`scope: {folder}` and `?folder=`), MCP,
// the command line (`--scope`) and the page (the 范围 field). A scoped question answers only from its
// scope or says 在所选范围内没有找到, and a scope that names nothing is refused, never widened.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { askCommand } from '../../src/cli/ask-command.js';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createMcpServer } from '../../src/mcp/mcp-server.js';
import type { AskResult } from '../../src/search/answer/compose-answer.js';
import { NO_ANSWER_IN_SCOPE_MESSAGE } from '../../src/search/answer/no-answer.js';
import { createApp } from '../../src/server/app.js';
import { openEngine, scratchDir, sharedEmbedder } from '../support/engines.js';
import { folderCorpus } from '../support/folder-corpus.js';

const LAW_QUESTION = '试用期最长不得超过多久';
const OFFICE_QUESTION = '外来车辆停车怎么收费';

let corpusDir: string;
let indexDir: string;
let engine: AnswerEngine;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  corpusDir = folderCorpus();
  indexDir = join(scratchDir('folder-scope'), 'index');
  engine = await openEngine({ corpusDir, indexDir });
  app = createApp(() => engine);
}, 120_000);

const pathOf = (docId: string) => engine.summary(docId)!.path;
const post = async (body: unknown) => app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Every passage (and the answer, if any) lies in the folder. */
function keptTo(result: AskResult, folder: string) {
  expect(result.passages.length).toBeGreaterThan(0);
  for (const p of result.passages) expect(pathOf(p.docId).startsWith(`${folder}/`)).toBe(true);
  if (result.answer) expect(pathOf(result.answer.docId).startsWith(`${folder}/`)).toBe(true);
}

describe('the JSON API', () => {
  it('lists the folders beside the documents', async () => {
    const body = await (await app.request('/api/documents')).json();
    expect(body.folders).toEqual([
      { folder: 'laws', documents: 2, passages: expect.any(Number) },
      { folder: 'office', documents: 4, passages: expect.any(Number) },
    ]);
  });

  it('answers from the folder asked, and says when the folder does not hold the answer', async () => {
    const laws: AskResult = await (await post({ question: LAW_QUESTION, scope: { folder: 'laws' } })).json();
    keptTo(laws, 'laws');
    expect(laws.answer!.text).toContain('六个月');
    const office: AskResult = await (await post({ question: LAW_QUESTION, scope: { folder: 'office/' } })).json();
    keptTo(office, 'office');
    expect(office.answer).toBeNull();
    expect(office.message).toBe(NO_ANSWER_IN_SCOPE_MESSAGE);
    const byQuery: AskResult = await (await app.request(`/api/ask?q=${encodeURIComponent(OFFICE_QUESTION)}&folder=office`)).json();
    keptTo(byQuery, 'office');
    expect(byQuery.answer!.text).toContain('每小时5元');
  });

  it('refuses a folder that holds no document, and a document outside the folder, with 404', async () => {
    const none = await post({ question: LAW_QUESTION, scope: { folder: 'cases' } });
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe('unknown_folder');
    const lawId = engine.documents().find((d) => d.path.startsWith('laws/'))!.id;
    const outside = await post({ question: LAW_QUESTION, scope: { folder: 'office', docId: lawId } });
    expect(outside.status).toBe(404);
    expect((await outside.json()).error.code).toBe('unknown_document');
    expect((await post({ question: LAW_QUESTION, scope: { folder: '' } })).status).toBe(400);
  });

  it('a broad question over a folder lists only its documents', async () => {
    const result: AskResult = await (await post({ question: '这些文档讲了什么', scope: { folder: 'laws' } })).json();
    expect(result.overview!.map((d) => pathOf(d.docId!)).sort()).toEqual(['laws/labor-contract-law.md', 'laws/labor-law.md']);
  });
});

describe('MCP', () => {
  it('ask and search take scope.folder; an unknown folder is a tool error', async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(() => engine).connect(serverSide);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(clientSide);
    const asked = await client.callTool({ name: 'ask', arguments: { question: OFFICE_QUESTION, scope: { folder: 'office' } } });
    keptTo(asked.structuredContent as unknown as AskResult, 'office');
    const searched = await client.callTool({ name: 'search', arguments: { question: LAW_QUESTION, scope: { folder: 'laws' } } });
    for (const p of (searched.structuredContent as { passages: AskResult['passages'] }).passages) expect(pathOf(p.docId)).toMatch(/^laws\//);
    const unknown = await client.callTool({ name: 'ask', arguments: { question: LAW_QUESTION, scope: { folder: 'cases' } } });
    expect(unknown.isError).toBe(true);
    const listed = await client.callTool({ name: 'list_documents', arguments: {} });
    expect((listed.structuredContent as { folders: { folder: string }[] }).folders.map((f) => f.folder)).toEqual(['laws', 'office']);
    await client.close();
  });
});

describe('the command line', () => {
  const run = async (args: string[]) => {
    const lines: string[] = [];
    await askCommand([...args, '--corpus', corpusDir, '--index', indexDir, '--json'], { out: (l) => lines.push(l), log: () => {}, tty: false, embedder: await sharedEmbedder() }, {});
    return JSON.parse(lines.join('\n')) as AskResult;
  };

  it('--scope takes a folder or a document title, and refuses a name that is neither', async () => {
    keptTo(await run(['--scope', 'office', OFFICE_QUESTION]), 'office');
    const byTitle = await run(['--scope', '中华人民共和国劳动法', LAW_QUESTION]);
    expect(new Set(byTitle.passages.map((p) => pathOf(p.docId)))).toEqual(new Set(['laws/labor-law.md']));
    await expect(run(['--scope', 'cases', LAW_QUESTION])).rejects.toThrow(/--scope cases names no folder or document/);
  });
});

describe('the page', () => {
  const form = (fields: Record<string, string>, htmx = false) =>
    app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(htmx ? { 'hx-request': 'true' } : {}) }, body: new URLSearchParams(fields).toString() });

  it('offers folders and documents in the 范围 field, and keeps the chosen folder in the conversation link', async () => {
    const home = await (await app.request('/')).text();
    expect(home).toContain('<option value="文件夹：laws"');
    expect(home).toContain('<option value="中华人民共和国劳动法"');
    const res = await form({ question: LAW_QUESTION, scope: '文件夹：office' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(new URL(location, 'http://x').searchParams.get('folder')).toBe('office');
    const page = await (await app.request(location)).text();
    expect(page).toContain('只在文件夹「office」里查找：');
    expect(page).toContain('在全部文档里再问一次');
    expect(page).toContain('value="文件夹：office"');
  });

  it('answers a scoped question from the folder, and refuses a 范围 that names nothing', async () => {
    const turn = await (await form({ question: OFFICE_QUESTION, scope: '文件夹：office' }, true)).text();
    expect(turn).toContain('每小时5元');
    const unknown = await form({ question: LAW_QUESTION, scope: '不存在的文件夹' }, true);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('范围「不存在的文件夹」不是文档的标题，也不是文件夹');
  });
});
