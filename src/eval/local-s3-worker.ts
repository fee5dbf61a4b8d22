// `startLocalS3(…, inWorker)`'s thread: runs s3rver and tells its parent the port.
import { parentPort, workerData } from 'node:worker_threads';
import { runS3rver } from './local-s3-server.js';

const { directory, bucket } = workerData as { directory: string; bucket: string };
parentPort!.postMessage((await runS3rver(directory, bucket)).port);
