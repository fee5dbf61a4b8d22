// Uploads as jobs: a request hands its files over and returns at once; each file is checked, written
// and indexed in the background, one after another (`document-writes.ts` keeps writes in order), while
// the page or an API client follows the job by its id. Jobs live in memory: the newest MAX_JOBS are
// kept, and a job's bytes are dropped as soon as it has run.
import { randomUUID } from 'node:crypto';
import type { DocumentSummary } from '../search/index/corpus.js';
import type { AnswerEngine } from './answer-engine.js';
import { addDocument, type NewDocument, type WriteError } from './document-writes.js';

/** Jobs remembered: enough for a batch of uploads and its follow-up, never a leak. */
const MAX_JOBS = 200;

/** Bytes of files waiting their turn, at most: five full uploads; past it a new upload is refused until the queue drains. */
export const MAX_QUEUED_BYTES = 100 * 1024 * 1024;

export type JobState = 'queued' | 'reading' | 'indexing' | 'done' | 'failed';

export interface UploadJob {
  id: string;
  fileName: string;
  bytes: number;
  state: JobState;
  startedAt: string;
  finishedAt?: string;
  document?: DocumentSummary;
  /** The same bytes were added before: `document` is that one, nothing was added. */
  duplicate?: boolean;
  error?: WriteError;
}

export const isFinished = (job: UploadJob) => job.state === 'done' || job.state === 'failed';

export class UploadJobs {
  private readonly jobs = new Map<string, UploadJob>();
  private tail: Promise<unknown> = Promise.resolve();
  private queuedBytes = 0;

  /** Whether files of this many bytes more may be queued now. */
  hasRoomFor(bytes: number): boolean {
    return this.queuedBytes + bytes <= MAX_QUEUED_BYTES;
  }

  /** Queues the file and returns its job at once; `settled` resolves when it has run. Check `hasRoomFor` first. */
  start(engine: AnswerEngine, doc: NewDocument): { job: UploadJob; settled: Promise<UploadJob> } {
    this.queuedBytes += doc.bytes.byteLength;
    const job: UploadJob = { id: randomUUID(), fileName: doc.fileName.slice(0, 200), bytes: doc.bytes.byteLength, state: 'queued', startedAt: new Date().toISOString() };
    this.jobs.set(job.id, job);
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (isFinished(this.jobs.get(id)!)) this.jobs.delete(id);
    }
    const settled = this.tail.then(() => this.run(engine, job, doc));
    this.tail = settled;
    return { job, settled };
  }

  get(id: string): UploadJob | undefined {
    return this.jobs.get(id);
  }

  private async run(engine: AnswerEngine, job: UploadJob, doc: NewDocument): Promise<UploadJob> {
    this.queuedBytes -= doc.bytes.byteLength;
    try {
      const result = await addDocument(engine, doc, (phase) => {
        job.state = phase;
      });
      if ('error' in result) {
        job.error = result.error;
        job.state = 'failed';
      } else {
        job.document = result.document;
        job.duplicate = 'duplicate' in result || undefined;
        job.state = 'done';
      }
    } catch (err) {
      job.error = { status: 503, code: 'index_failed', message: `the document could not be indexed: ${(err as Error).message}` };
      job.state = 'failed';
    }
    job.finishedAt = new Date().toISOString();
    return job;
  }
}
