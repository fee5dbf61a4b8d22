// Request bodies are capped before they are read: a question is at most 500 characters, so 64 KB
// leaves room for any honest request and refuses a flood with 413. Uploads get their own, larger cap,
// and so do chat requests, which carry the whole conversation, earlier replies and all.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error.js';
import { MAX_BINARY_UPLOAD_BYTES } from '../limits.js';
import { isOpenAIPath, openaiError } from './openai-error.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** The largest uploaded file (a PDF or Word document), plus room for the multipart envelope. */
export const UPLOAD_BODY_BYTES = MAX_BINARY_UPLOAD_BYTES + MAX_BODY_BYTES;

/** A long conversation: each earlier reply with its quoted sources is a few KB. */
export const CHAT_BODY_BYTES = 1024 * 1024;

export const bodySizeLimit = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: (c: Context) => {
      const message = `the request body is larger than ${Math.round(maxSize / 1024)} KB`;
      if (isOpenAIPath(c.req.path)) return openaiError(c, 413, 'payload_too_large', message);
      if (c.req.path.startsWith('/api/') || c.req.path === '/mcp') return apiError(c, 413, 'payload_too_large', message);
      return c.text(`请求太大了：最多 ${Math.round(maxSize / 1024)} KB。请返回上一页。`, 413);
    },
  });
