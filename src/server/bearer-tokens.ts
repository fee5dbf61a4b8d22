// The server's two bearer tokens, each compared in constant time: ADMIN_TOKEN guards writes (off
// without it); API_TOKEN guards asking (/api/ask, /v1/*, /mcp) when the server listens beyond
// loopback. Written here rather than with Hono's bearer-auth, which matches the scheme name
// case-sensitively: RFC 7235 makes `bearer` and `Bearer` the same.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-length digests, so neither the comparison's time nor an early length check tells anything. */
export const tokenMatches = (expected: string, given: string) => timingSafeEqual(digest(expected), digest(given));

/** The admin token sent in a form field (the page's upload and delete forms), checked the same way. */
export const formTokenMatches = (expected: string, given: unknown) => typeof given === 'string' && tokenMatches(expected, given);

export const WRITES_OFF_MESSAGE = 'adding and deleting documents is off; start the server with ADMIN_TOKEN set to turn it on';

/** An error body in the shape of the routes guarded: the API's, or OpenAI's for /v1. */
export type ErrorBody = (code: string, message: string) => object;

export const apiErrorBody: ErrorBody = (code, message) => ({ error: { code, message } });

/** `Authorization: Bearer <token>`, the scheme in any case; the token as RFC 6750 allows it. */
const BEARER = /^bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

function bearerGuard(token: string, name: string, body: ErrorBody): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const refuse = (status: 400 | 401, code: string, message: string) => {
      c.header('WWW-Authenticate', status === 400 ? 'Bearer error="invalid_request"' : 'Bearer realm="xunyuan"');
      return c.json(body(code, message), status);
    };
    if (header === undefined) return refuse(401, 'unauthorized', `send the token as \`Authorization: Bearer <${name}>\``);
    const given = BEARER.exec(header)?.[1];
    if (given === undefined) return refuse(400, 'invalid_request', `the Authorization header must be \`Bearer <${name}>\``);
    if (!tokenMatches(token, given)) return refuse(401, 'unauthorized', `the ${name} is not correct`);
    await next();
  };
}

export function requireAdmin(token: string | undefined): MiddlewareHandler {
  if (!token) return async (c) => apiError(c, 403, 'writes_disabled', WRITES_OFF_MESSAGE);
  return bearerGuard(token, 'ADMIN_TOKEN', apiErrorBody);
}

/** Names of this machine: a server listening only on one of these is reachable from here alone. */
export const isLoopback = (host: string) => /^(localhost|127(\.[0-9]{1,3}){3}|::1|\[::1\])$/i.test(host);

/** API_TOKEN on the asking routes, only when the server listens beyond loopback and a token is set. */
export function requireApiToken(token: string | undefined, host: string, body: ErrorBody): MiddlewareHandler {
  if (!token || isLoopback(host)) return async (_c, next) => next();
  return bearerGuard(token, 'API_TOKEN', body);
}
