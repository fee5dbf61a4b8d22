// Reads a corpus folder as `npm start` would and prints what was read and what was skipped, as JSON:
// run as a child process, so a test can read as another user (permissions mean nothing to root).
import { readCorpus, type SkippedFile } from '../../src/ingest/read-corpus.js';

const skipped: SkippedFile[] = [];
const files = await readCorpus(process.argv[2], { skip: (f) => skipped.push(f) });
console.log(JSON.stringify({ read: files.map((f) => f.path), skipped }));
