// A local S3 server (s3rver, a dev dependency) on a loopback port, for an index on object storage in
// the tests and in `npm run bench:scale` (SCALE_STORE=s3rver): nothing reaches the network. While it
// runs, the AWS settings in process.env point at it (LanceDB, the S3 client and child processes read
// them there); stopping it puts them back. In a worker thread it keeps answering while this thread is
// blocked (the bench waits for each phase's process with spawnSync).
import { Worker } from 'node:worker_threads';
import S3rver from 's3rver';

const SETTINGS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const;

/** s3rver serving `bucket` from `directory` on a free loopback port; its port and how to close it. */
export async function runS3rver(directory: string, bucket: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return { port, close: () => server.close() };
}

/** s3rver serving `bucket` from `directory`, in this thread or in a worker of its own. */
export async function startLocalS3(directory: string, bucket: string, inWorker = false): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  let close: () => Promise<unknown>;
  let port: number;
  if (inWorker) {
    const worker = new Worker(new URL('./local-s3-worker.js', import.meta.url), { workerData: { directory, bucket } });
    port = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject));
    close = () => worker.terminate();
  } else {
    ({ port, close } = await runS3rver(directory, bucket));
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const saved = SETTINGS.map((name) => [name, process.env[name]] as const);
  // s3rver's own key pair.
  Object.assign(process.env, { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
  return {
    endpoint,
    stop: async () => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await close();
    },
  };
}
