// A local S3 server (s3rver) on a loopback port, for the tests of an index on object storage: nothing
// reaches the network. While it runs, the AWS settings in process.env point at it (LanceDB and the S3
// client both read them there); stopping it puts them back.
import S3rver from 's3rver';
import { scratchDir } from './engines.js';

export const TEST_BUCKET = 'xunyuan-test';

const SETTINGS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const;

export async function startS3Server(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: scratchDir('s3rver'), configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
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
      await server.close();
    },
  };
}
