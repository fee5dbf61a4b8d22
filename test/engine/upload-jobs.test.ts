// Upload jobs on their own: run one after another in the order given, each ending done or failed with
// its reason, and a queue that refuses more once the files waiting their turn pass MAX_QUEUED_BYTES.
import { expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { MAX_QUEUED_BYTES, UploadJobs } from '../../src/engine/upload-jobs.js';

/** An engine with no uploads folder: every job fails at once with writes_disabled. */
const noUploads = { uploadsDir: undefined } as unknown as AnswerEngine;

it('runs jobs in order, each failed with its reason, and bounds the bytes waiting', async () => {
  const jobs = new UploadJobs();
  const half = Buffer.alloc(MAX_QUEUED_BYTES / 2 + 1);
  const first = jobs.start(noUploads, { fileName: 'a.txt', bytes: half });
  expect(first.job.state).toBe('queued');
  expect(jobs.hasRoomFor(half.byteLength)).toBe(false);
  expect(jobs.hasRoomFor(1024)).toBe(true);
  const second = jobs.start(noUploads, { fileName: 'b.txt', bytes: Buffer.from('正文') });
  const [a, b] = await Promise.all([first.settled, second.settled]);
  expect([a.state, b.state]).toEqual(['failed', 'failed']);
  expect(a.error?.code).toBe('writes_disabled');
  expect(Date.parse(a.finishedAt!)).toBeLessThanOrEqual(Date.parse(b.finishedAt!));
  expect(jobs.hasRoomFor(half.byteLength)).toBe(true);
  expect(jobs.get(a.id)).toBe(a);
  expect(jobs.get('no-such-job')).toBeUndefined();
});
