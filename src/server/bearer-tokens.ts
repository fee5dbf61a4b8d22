// The write endpoints' guard: off without ADMIN_TOKEN, and with it a bearer token compared in
// constant time (Hono's bearer-auth middleware), answering in the API's error shape.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { apiError } from './api-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-length digests, so neither the comparison's time nor an early length check tells anything. */
export const tokenMatches = (expected: string, given: string) => timingSafeEqual(digest(expected), digest(given));

export const WRITES_OFF_MESSAGE = 'adding and deleting documents is off; start the server with ADMIN_TOKEN set to turn it on';

const body = (code: string, message: string) => ({ error: { code, message } });

export function requireAdmin(token: string | undefined): MiddlewareHandler {
  if (!token) return async (c) => apiError(c, 403, 'writes_disabled', WRITES_OFF_MESSAGE);
  return bearerAuth({
    verifyToken: (given) => tokenMatches(token, given),
    noAuthenticationHeader: { message: body('unauthorized', 'send the admin token as `Authorization: Bearer <ADMIN_TOKEN>`') },
    invalidAuthenticationHeader: { message: body('invalid_request', 'the Authorization header must be `Bearer <ADMIN_TOKEN>`') },
    invalidToken: { message: body('unauthorized', 'the admin token is not correct') },
  });
}
