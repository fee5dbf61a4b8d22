// The server's two bearer tokens, each compared in constant time (Hono's bearer-auth middleware):
// ADMIN_TOKEN guards writes (off without it); API_TOKEN guards asking (/api/ask, /v1/*, /mcp) when
// the server listens beyond loopback.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { apiError } from './api-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-length digests, so neither the comparison's time nor an early length check tells anything. */
export const tokenMatches = (expected: string, given: string) => timingSafeEqual(digest(expected), digest(given));

export const WRITES_OFF_MESSAGE = 'adding and deleting documents is off; start the server with ADMIN_TOKEN set to turn it on';

/** An error body in the shape of the routes guarded: the API's, or OpenAI's for /v1. */
export type ErrorBody = (code: string, message: string) => object;

export const apiErrorBody: ErrorBody = (code, message) => ({ error: { code, message } });

function bearerGuard(token: string, name: string, body: ErrorBody): MiddlewareHandler {
  return bearerAuth({
    verifyToken: (given) => tokenMatches(token, given),
    noAuthenticationHeader: { message: body('unauthorized', `send the token as \`Authorization: Bearer <${name}>\``) },
    invalidAuthenticationHeader: { message: body('invalid_request', `the Authorization header must be \`Bearer <${name}>\``) },
    invalidToken: { message: body('unauthorized', `the ${name} is not correct`) },
  });
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
