// One line per request: method, path, status, time. Never the query string or the body, which hold
// what people asked.
import type { MiddlewareHandler } from 'hono';

export const requestLog =
  (write: (line: string) => void = (l) => console.error(l)): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    await next();
    write(`[xunyuan] ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  };
