// `startLocalS3(…, inProcess)`'s child process: runs s3rver and tells its parent the port. Started with
// OpenSSL's legacy provider: s3rver 3.7.1 makes its list continuation tokens with DES, which Node 20's
// OpenSSL 3 leaves out otherwise, so every listing past 1,000 objects failed with InternalError (a
// million passages' two builds on the store are more).
import { runS3rver } from './local-s3-server.js';

const [directory, bucket] = process.argv.slice(2);
process.send!((await runS3rver(directory, bucket)).port);
// A parent that dies without stopping it (a bench killed) leaves no server behind.
process.on('disconnect', () => process.exit(0));
