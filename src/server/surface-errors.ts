// Each surface of the server (the JSON API, the OpenAI-compatible /v1, MCP, the pages) answers its own
// errors in its own shape: it registers these on its own sub-app, so nothing sorts errors by URL path.
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** How a surface refuses a request: its error shape for a status, a code and a message. */
export type Refusal = (c: Context, status: ContentfulStatusCode, code: string, message: string) => Response;

/**
 * The surface's error handler and, when `unmatched` is given, its answer to an unknown path under it
 * (registered last, after the surface's routes). A guard that throws with its response made (bearer
 * auth) keeps that response; any other client error keeps its status; anything else is a 500 with no
 * detail.
 */
export function ownErrors(app: Hono<any>, refuse: Refusal, unmatched?: string): void {
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.res) return err.getResponse();
    if (err instanceof HTTPException && err.status < 500) return refuse(c, err.status, err.status === 400 ? 'invalid_request' : 'bad_request', err.message || 'bad request');
    console.error(`[xunyuan] error on ${c.req.method} ${c.req.path}: ${err.message}`);
    return refuse(c, 500, 'internal_error', 'something went wrong on the server');
  });
  if (unmatched !== undefined) app.all(unmatched, (c) => refuse(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
}
