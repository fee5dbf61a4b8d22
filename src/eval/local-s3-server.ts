// A local S3 server (s3rver, a dev dependency) on a loopback port, for an index on object storage in
// the tests and in `npm run bench:scale` (SCALE_STORE=s3rver): nothing reaches the network. While it
// runs, the AWS settings in process.env point at it (LanceDB, the S3 client and child processes read
// them there); stopping it puts them back. In a process of its own it keeps answering while this
// thread is blocked (the bench waits for each phase's process with spawnSync), and it lists past 1,000
// objects (`local-s3-process.ts`); in this thread it does not.
import { fork } from 'node:child_process';
import S3rver from 's3rver';

const SETTINGS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const;

/** s3rver serving `bucket` from `directory` on a free loopback port; its port and how to close it. */
export async function runS3rver(directory: string, bucket: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return { port, close: () => server.close() };
}

/** s3rver serving `bucket` from `directory`, in this thread or in a process of its own (compiled code only). */
export async function startLocalS3(directory: string, bucket: string, inProcess = false): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  let close: () => Promise<unknown>;
  let port: number;
  if (inProcess) {
    const child = fork(new URL('./local-s3-process.js', import.meta.url), [directory, bucket], { execArgv: ['--openssl-legacy-provider'] });
    port = await new Promise<number>((resolve, reject) => child.once('message', (p) => resolve(p as number)).once('error', reject).once('exit', (code) => reject(new Error(`s3rver exited (code ${code})`))));
    close = () => new Promise((resolve) => child.once('exit', resolve).kill());
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
