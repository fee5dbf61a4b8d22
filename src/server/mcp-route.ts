// MCP over Streamable HTTP at /mcp on the running server. Stateless: each request gets its own server
// and transport, so nothing is kept between requests and any number of assistants can connect.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import { createMcpServer } from '../mcp/mcp-server.js';
import { apiError } from './api-error.js';
import { apiErrorBody, requireApiToken } from './bearer-tokens.js';
import { bodySizeLimit, MAX_BODY_BYTES } from './body-size.js';
import { ownErrors } from './surface-errors.js';
import type { EngineSource } from '../contract/engine-source.js';

export function mcpRoute(getEngine: EngineSource, options: { apiToken?: string; host: string; publicUrl?: string }) {
  const app = new Hono();
  // This surface's own limit and errors, in the API's shape.
  app.use('/mcp', bodySizeLimit(MAX_BODY_BYTES, apiError), requireApiToken(options.apiToken, options.host, apiErrorBody));
  app.all('/mcp', async (c) => {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    // Links are absolute, so an assistant can open them: PUBLIC_URL, else this request's own origin.
    const server = createMcpServer(getEngine, options.publicUrl ?? new URL(c.req.url).origin);
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
  ownErrors(app, apiError);
  return app;
}
