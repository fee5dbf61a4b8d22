// `npm run --silent mcp`: xunyuan as an MCP server over stdio, for desktop assistants. stdout carries
// the protocol, so everything else (index progress, log lines) goes to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from '../config.js';
import { AnswerEngine } from '../engine/answer-engine.js';
import { createMcpServer } from '../mcp/mcp-server.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  let engine: AnswerEngine | undefined;
  let opened!: (engine: AnswerEngine) => void;
  const ready = new Promise<AnswerEngine>((resolve) => (opened = resolve));
  const server = createMcpServer(() => engine, config.publicUrl, ready);
  // Connected before the index opens: the assistant sees the tools at once, and a call waits for the index.
  await server.connect(new StdioServerTransport());
  engine = await AnswerEngine.open({ ...config, log: (line) => console.error(`[xunyuan] ${line}`) });
  opened(engine);
  console.error('[xunyuan] MCP server ready on stdio');
});
