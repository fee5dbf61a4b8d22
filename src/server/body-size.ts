// Request bodies are capped before they are read: a question is at most 500 characters, so 64 KB
// leaves room for any honest request and refuses a flood with 413. Uploads get their own, larger cap,
// and so do chat requests, which carry the whole conversation, earlier replies and all.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BINARY_UPLOAD_BYTES } from '../limits.js';
import type { Refusal } from './surface-errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** The largest uploaded file (a PDF or Word document), plus room for the multipart envelope. */
export const UPLOAD_BODY_BYTES = MAX_BINARY_UPLOAD_BYTES + MAX_BODY_BYTES;

/** A long conversation: each earlier reply with its quoted sources is a few KB. */
export const CHAT_BODY_BYTES = 1024 * 1024;

/** A page's refusal: a line of text a person reads. */
const pageRefusal = (maxSize: number) => (c: Context) => c.text(`请求太大了：最多 ${Math.round(maxSize / 1024)} KB。请返回上一页。`, 413);

/** A cap on the request body, refused in the shape of the surface that sets it (`refuse`), or as a page's. */
export const bodySizeLimit = (maxSize = MAX_BODY_BYTES, refuse?: Refusal) =>
  bodyLimit({
    maxSize,
    onError: (c: Context) => (refuse ? refuse(c, 413, 'payload_too_large', `the request body is larger than ${Math.round(maxSize / 1024)} KB`) : pageRefusal(maxSize)(c)),
  });
