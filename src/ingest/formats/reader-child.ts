// The child process that reads files for `read-isolated.ts`: one file at a time, with the format reader
// its name calls for. Page images found while reading (a scan, a PDF page without text) are sent to the
// parent, whose OCR reader (and cache) serves every file, and the answer awaited.
import { MAX_DOCUMENT_CHARS } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import type { OcrPage, PageReader } from './ocr.js';
import type { FromReader, ToReader } from './read-isolated.js';

let readers: Promise<(fileName: string) => FormatReader | undefined> | undefined;
const waiting = new Map<number, { resolve: (page: OcrPage) => void; reject: (err: Error) => void }>();
let nextPage = 0;

const send = (message: FromReader) => process.send!(message);

/** OCR by the parent's reader, page by page. */
const ocrByParent: PageReader = {
  read(image, size) {
    const id = nextPage++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      send({ kind: 'ocr', id, image, size });
    });
  },
};

process.on('message', async (message: ToReader) => {
  if (message.kind === 'page') {
    const page = waiting.get(message.id);
    waiting.delete(message.id);
    if ('error' in message) page?.reject(new Error(message.error));
    else page?.resolve(message.page);
    return;
  }
  if (message.kind === 'render') {
    const { renderPdfPage } = await import('./pdf-page-view.js');
    send({ kind: 'done', result: await renderPdfPage(Buffer.from(message.bytes), message.page) });
    return;
  }
  // Loaded with the first file: the readers (pdf.js, mammoth) take a moment to load.
  readers ??= import('./format-reader.js').then((m) => m.readerFor);
  const reader = (await readers)(message.fileName);
  const result = reader ? await reader.read(Buffer.from(message.bytes), message.ocr ? { ocr: ocrByParent } : {}) : { error: 'no reader takes this kind of file' };
  if ('text' in result && result.text.length > MAX_DOCUMENT_CHARS) {
    send({ kind: 'done', result: { error: `it holds ${(result.text.length / 1e6).toFixed(1)} million characters of text; at most ${MAX_DOCUMENT_CHARS / 1e6} million are read` } });
  } else {
    send({ kind: 'done', result });
  }
});

// The parent gone, this process has no one to read for.
process.on('disconnect', () => process.exit(0));
