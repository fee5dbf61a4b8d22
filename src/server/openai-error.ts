// Errors of the /v1 routes in OpenAI's shape, `{"error": {"message", "type", "code"}}`, which chat
// clients know how to show.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const typeOf = (status: number) => (status >= 500 ? 'server_error' : status === 401 ? 'authentication_error' : 'invalid_request_error');

export function openaiError<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string) {
  return c.json({ error: { message, type: typeOf(status), code } }, status);
}

/** For the bearer-token guard, whose refusals are always 400 or 401. */
export const openaiErrorBody = (code: string, message: string) => ({ error: { message, type: typeOf(code === 'unauthorized' ? 401 : 400), code } });

