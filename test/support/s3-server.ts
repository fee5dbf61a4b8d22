// The tests' local S3 server: `startLocalS3` on a scratch folder, with the tests' bucket.
import { startLocalS3 } from '../../src/eval/local-s3-server.js';
import { scratchDir } from './engines.js';

export const TEST_BUCKET = 'xunyuan-test';

export const startS3Server = () => startLocalS3(scratchDir('s3rver'), TEST_BUCKET);
