// Request bodies are capped before they are read: a question is at most 500 characters, so 64 KB
// leaves room for any honest request and refuses a flood with 413.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error.js';

export const MAX_BODY_BYTES = 64 * 1024;

export const bodySizeLimit = () =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c: Context) => apiError(c, 413, 'payload_too_large', `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`),
  });
