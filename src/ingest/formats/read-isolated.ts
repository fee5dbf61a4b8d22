// Reading a file's bytes into text (and drawing a PDF page for the source view), in a child process. Format readers run third-party decoders
// (pdf.js, mammoth, word-extractor) on whatever a user drops into a folder or uploads; a damaged or
// hostile file can make one loop forever, build gigabytes, or abort V8 itself (word-extractor following
// a .doc's looping sector chain grows one array until V8 stops the process with "invalid size", which no
// worker thread survives). In a child process with its own heap limit and a time limit, such a file
// costs its own reading ("skipped: …"), never the server: the server keeps answering meanwhile, and a
// reader that dies is replaced by the next file.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadContext, ReadResult } from './format-reader.js';
import type { OcrPage } from './ocr.js';
import type { RenderResult } from './pdf-page-view.js';

/**
 * A reader's heap: ordinary files (a 2,000-page PDF, a 20 MB Word file) read well within it; a .docx
 * inflating to 100 MB of XML or a PDF stream to 320 MB of text runs needs 4–5 GB.
 */
export const READER_HEAP_MB = 1024;

/**
 * A reader's time for one file, not counting the OCR it waits for: a 2,000-page text PDF reads in
 * 7.5 s on a loaded 2-core machine.
 */
export const READ_TIME_LIMIT_MS = 120_000;

/** An idle reader is ended after this long, so its memory goes back. */
const IDLE_MS = 10_000;

/** What the reader process is asked to do: read a file, or draw a page of a PDF for the source view. */
type Task = { kind: 'read'; fileName: string; bytes: Uint8Array; ocr: boolean } | { kind: 'render'; bytes: Uint8Array; page: number };

export type ToReader = Task | { kind: 'page'; id: number; page: OcrPage } | { kind: 'page'; id: number; error: string };

export type FromReader = { kind: 'done'; result: ReadResult | RenderResult } | { kind: 'ocr'; id: number; image: Uint8Array; size: { width: number; height: number } };

interface Job {
  task: Task;
  context?: ReadContext;
  done: (result: ReadResult | RenderResult) => void;
}

/** The child's module, in the form this one runs in: compiled, or TypeScript through tsx (the tests). */
function startChild(): ChildProcess {
  const fromSources = import.meta.url.endsWith('.ts');
  const module = fileURLToPath(new URL(`./reader-child.${fromSources ? 'ts' : 'js'}`, import.meta.url));
  const execArgv = [`--max-old-space-size=${READER_HEAP_MB}`, ...(fromSources ? ['--import', 'tsx'] : [])];
  return fork(module, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
}

/** Why the reader stopped, for the file it was reading. */
function stopReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `its reader crashed (${signal}): the file is damaged or too large to decode`;
  return `its reader stopped (exit code ${code}): the file is damaged or too large to decode`;
}

/** One child process reading files one after another; files wait their turn. */
class ReaderProcess {
  private child: ChildProcess | undefined;
  private queue: Job[] = [];
  private current: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private idle: NodeJS.Timeout | undefined;

  run(task: Task, context?: ReadContext): Promise<ReadResult | RenderResult> {
    return new Promise((done) => {
      this.queue.push({ task, context, done });
      this.next();
    });
  }

  private next(): void {
    if (this.current) return;
    clearTimeout(this.idle);
    const job = this.queue.shift();
    if (!job) {
      // Idle: the child no longer keeps this process alive, and ends soon.
      this.child?.unref();
      this.child?.channel?.unref();
      this.idle = setTimeout(() => this.end(), IDLE_MS).unref();
      return;
    }
    this.current = job;
    const child = (this.child ??= this.start());
    child.ref();
    child.channel?.ref();
    this.clock();
    child.send(job.task satisfies ToReader);
  }

  private start(): ChildProcess {
    const child = startChild();
    child.on('message', (message: FromReader) => {
      if (child !== this.child) return;
      if (message.kind === 'done') this.finish(message.result);
      else void this.ocr(child, message);
    });
    child.on('exit', (code, signal) => {
      if (child !== this.child) return;
      this.child = undefined;
      if (this.current) this.finish({ error: stopReason(code, signal) });
    });
    child.on('error', () => this.end('its reader could not be started'));
    return child;
  }

  /** A page image the child found, read by the job's OCR reader here; the time limit waits meanwhile. */
  private async ocr(child: ChildProcess, { id, image, size }: Extract<FromReader, { kind: 'ocr' }>): Promise<void> {
    clearTimeout(this.timer);
    let reply: ToReader;
    try {
      reply = { kind: 'page', id, page: await this.current!.context!.ocr!.read(Buffer.from(image), size) };
    } catch (err) {
      reply = { kind: 'page', id, error: (err as Error).message ?? String(err) };
    }
    if (child !== this.child) return;
    this.clock();
    child.send(reply);
  }

  /** Starts (or restarts, after OCR) the current file's time limit. */
  private clock(): void {
    clearTimeout(this.timer);
    const child = this.child;
    this.timer = setTimeout(() => {
      if (child === this.child) this.end(`reading it took longer than ${READ_TIME_LIMIT_MS / 1000} s`);
    }, READ_TIME_LIMIT_MS);
  }

  private finish(result: ReadResult | RenderResult): void {
    clearTimeout(this.timer);
    const job = this.current;
    this.current = undefined;
    job?.done(result);
    this.next();
  }

  /** Ends the child; a file it was reading fails with `reason`. */
  private end(reason = 'its reader was stopped'): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
    if (this.current) this.finish({ error: reason });
  }
}

const reader = new ReaderProcess();

const view = (bytes: Buffer) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The text of a file, read in the reader process by the reader for its name (or why it cannot be read). */
export const readIsolated = (fileName: string, bytes: Buffer, context?: ReadContext): Promise<ReadResult> =>
  reader.run({ kind: 'read', fileName, bytes: view(bytes), ocr: context?.ocr !== undefined }, context) as Promise<ReadResult>;

/** A PDF page drawn for the source view, in the reader process, queued with the files it reads (or why not). */
export const renderIsolated = (bytes: Buffer, page: number): Promise<RenderResult> => reader.run({ kind: 'render', bytes: view(bytes), page }) as Promise<RenderResult>;
