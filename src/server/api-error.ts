// Every error the server sends is `{"error": {"code", "message"}}`, never a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function apiError<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export interface ValidationError {
  issues: { path: PropertyKey[]; message: string }[];
}

/** The first problem of a failed validation, naming the field: `topK: topK must be from 1 to 20`. */
export function describeInvalid(error: ValidationError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid request'}`;
}

/** A failed validation as `invalid_request`. */
export const invalidRequest = (c: Context, error: ValidationError) => apiError(c, 400, 'invalid_request', describeInvalid(error));
