// The MCP server, driven by the SDK's own Client over both transports: Streamable HTTP at /mcp on a
// real server, and stdio (`npm run mcp`'s entry point as a child process). Each tool is called, and
// bad arguments come back as MCP errors while the server keeps answering.
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import type { AskResult } from '../../src/search/answer/compose-answer.js';
import { createApp } from '../../src/server/app.js';
import { copySeedIndex, openSeedEngine, scratchDir, SEEDS_DIR } from '../support/engines.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';

type ToolResult = Awaited<ReturnType<Client['callTool']>>;
const textOf = (r: ToolResult) => (r.content as { type: string; text: string }[])[0].text;

/** What every transport must do: the same four tools, the same answers, errors as errors. */
function toolSuite(connect: () => Promise<Client>) {
  let client: Client;
  beforeAll(async () => {
    client = await connect();
  }, 120_000);
  afterAll(() => client?.close());

  it('lists the four tools with input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'get_document', 'list_documents', 'search']);
    const ask = tools.find((t) => t.name === 'ask')!;
    expect(ask.inputSchema.required).toEqual(['question']);
    expect(ask.description).toMatch(/问/);
  });

  it('ask: the answer with its phrase, quotes and links, as text and as structured content', async () => {
    const r = await client.callTool({ name: 'ask', arguments: { question: QUESTION, topK: 3 } });
    expect(r.isError).toBeFalsy();
    expect(textOf(r)).toMatch(/\*\*4\.33亿元\*\*/);
    const result = r.structuredContent as unknown as AskResult;
    expect(result.answer!.text).toContain('4.33亿元');
    expect(result.passages).toHaveLength(3);
  });

  it('search, list_documents and get_document read around a quote', async () => {
    const found = await client.callTool({ name: 'search', arguments: { question: QUESTION } });
    const passages = (found.structuredContent as { passages: AskResult['passages'] }).passages;
    expect(passages.length).toBeGreaterThan(0);
    const listed = await client.callTool({ name: 'list_documents', arguments: {} });
    const documents = (listed.structuredContent as { documents: { id: string }[] }).documents;
    expect(documents).toHaveLength(5);
    expect(documents.map((d) => d.id)).toContain(passages[0].docId);
    const anchor = passages[0].url.split('#')[1];
    const around = await client.callTool({ name: 'get_document', arguments: { id: passages[0].docId, anchor } });
    const paragraphs = (around.structuredContent as { paragraphs: { anchor: string; text: string }[] }).paragraphs;
    expect(paragraphs.map((p) => p.anchor)).toContain(anchor);
    expect(paragraphs.length).toBeLessThanOrEqual(3);
    expect(paragraphs.some((p) => p.text.includes(passages[0].text.slice(0, 10)))).toBe(true);
  });

  it('answers bad arguments with an MCP error and keeps serving', async () => {
    const badTopK = await client.callTool({ name: 'ask', arguments: { question: QUESTION, topK: 99 } }).then((r) => r, (e: Error) => e);
    expect(badTopK instanceof Error ? badTopK.message : (badTopK.isError && textOf(badTopK))).toMatch(/topK/);
    const unknown = await client.callTool({ name: 'get_document', arguments: { id: 'no-such-document' } });
    expect(unknown.isError).toBe(true);
    expect((await client.callTool({ name: 'ask', arguments: { question: QUESTION } })).isError).toBeFalsy();
  });
}

describe('MCP over Streamable HTTP at /mcp', () => {
  let engine: AnswerEngine;
  let server: ServerType;
  toolSuite(async () => {
    engine = await openSeedEngine();
    server = serve({ fetch: createApp(() => engine).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const client = new Client({ name: 'xunyuan-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`)));
    return client;
  });
  afterAll(() => server?.close());
});

describe('MCP over stdio (npm run mcp)', () => {
  toolSuite(async () => {
    const indexDir = join(scratchDir('mcp-stdio'), 'index');
    await copySeedIndex(indexDir);
    const client = new Client({ name: 'xunyuan-test', version: '1.0.0' });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/cli/mcp.ts', '--corpus', SEEDS_DIR, '--index', indexDir],
      env: { ...(process.env as Record<string, string>) },
      stderr: 'ignore',
    });
    await client.connect(transport);
    // Asked right after `initialize`, while the index opens: the call waits for it (it said "loading" before).
    const first = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
    expect(first.isError).toBeFalsy();
    expect((first.structuredContent as unknown as AskResult).answer?.text).toContain('亿元');
    return client;
  });
});
