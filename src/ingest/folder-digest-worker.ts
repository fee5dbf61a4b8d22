// The worker thread `folderDigest` starts: takes the digest and hands it back.
import { parentPort, workerData } from 'node:worker_threads';
import { corpusFileNameTest } from './corpus-file-names.js';
import type { DigestRequest } from './folder-digest.js';
import { snapshotFolders } from './folder-snapshot.js';

const { roots, extensions, reading } = workerData as DigestRequest;
parentPort!.postMessage((await snapshotFolders(roots, corpusFileNameTest(extensions), reading)).digest);
