// Request bodies are capped before they are read: a question is at most 500 characters, so 64 KB
// leaves room for any honest request and refuses a flood with 413. Uploads get their own, larger cap.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error.js';
import { MAX_UPLOAD_BYTES } from '../limits.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** An uploaded file, plus room for the multipart envelope. */
export const UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + MAX_BODY_BYTES;

export const bodySizeLimit = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: (c: Context) =>
      c.req.path.startsWith('/api/')
        ? apiError(c, 413, 'payload_too_large', `the request body is larger than ${Math.round(maxSize / 1024)} KB`)
        : c.text(`请求太大了：最多 ${Math.round(maxSize / 1024)} KB。请返回上一页。`, 413),
  });
