// Requests Node's HTTP parser refuses before the app sees them: most often a URL with raw UTF-8
// (`curl 'localhost:3000/api/ask?q=磁县…'`, which curl does not encode). Node answers those with an
// empty 400; this answers in the API's JSON error shape and says how to send such a URL.
import type { ServerType } from '@hono/node-server';
import type { Duplex } from 'node:stream';

const BODY = JSON.stringify({
  error: {
    code: 'bad_request',
    message: "the request could not be read; send non-ASCII characters in a URL percent-encoded (curl -G --data-urlencode 'q=问题')",
  },
});

export function answerClientErrors(server: ServerType): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(BODY)}\r\nconnection: close\r\n\r\n${BODY}`);
  });
}
