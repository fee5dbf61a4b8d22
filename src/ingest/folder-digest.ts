// The folders' snapshot digest (`snapshotFolders`), taken in a worker thread. At a million files the
// stats alone take seconds: a start spends them on the other core while it opens the stored index,
// instead of before, and a re-index in a serving process spends them without holding up answers.
import { startWorker } from '../util/start-worker.js';
import { ACCEPTED_EXTENSIONS } from './formats/format-reader.js';

export interface DigestRequest {
  roots: string[];
  /** The corpus files' extensions (the worker does not load the format readers to learn them). */
  extensions: readonly string[];
  reading: string;
}

/** The digest of `roots`' corpus files and of `reading` (settings that change what a file gives). */
export function folderDigest(roots: string[], reading: string): Promise<string> {
  const request: DigestRequest = { roots, extensions: ACCEPTED_EXTENSIONS, reading };
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'folder-digest-worker', request);
    worker.once('message', (digest: string) => resolve(digest));
    worker.once('error', reject);
    // After the message this changes nothing; before it, the worker died without an error event.
    worker.once('exit', (code) => reject(new Error(`the folder snapshot stopped before it was taken (exit code ${code})`)));
  });
}
