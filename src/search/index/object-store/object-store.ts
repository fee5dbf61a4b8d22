// The S3 calls the index makes, on one bucket under one prefix, through the AWS SDK, which reads the
// credentials the usual way (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, profiles, instance roles).
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { ObjectStoreLocation } from './object-store-url.js';
import { endpointOf, regionOf } from './store-settings.js';

/** Uploads and downloads in flight at once. */
const PARALLEL_TRANSFERS = 8;

// The SDK warns on every start that releases from 2027 on will need Node 22; the version pinned here runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** One object under the prefix: its name relative to the prefix, and its size. */
export interface StoredObject {
  name: string;
  size: number;
}

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const notFound = (err: unknown) => err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);

export class ObjectStore {
  private readonly client: S3Client;

  constructor(
    readonly location: ObjectStoreLocation,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const endpoint = endpointOf(env);
    this.client = new S3Client({
      region: regionOf(env),
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      // Checksums only where S3 requires them: S3-compatible servers reject or mangle the SDK's newer
      // default (streamed CRC trailers), and every file here is checked by its own manifest anyway.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(name: string): string {
    return this.location.prefix ? `${this.location.prefix}/${name}` : name;
  }

  /** The URL of `name` under the prefix, as LanceDB is given it. */
  url(name: string): string {
    return `s3://${this.location.bucket}/${this.key(name)}`;
  }

  async get(name: string): Promise<Buffer | undefined> {
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) }));
      return Buffer.from(await got.Body!.transformToByteArray());
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  async put(name: string, body: Buffer | string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(name), Body: body }));
  }

  /**
   * Writes `name` only if nothing is there (a conditional put, If-None-Match: *); false when something
   * is. A store that ignores the condition (older S3-compatible servers) writes anyway and says true:
   * callers read back what they wrote to learn whether they won.
   */
  async putIfAbsent(name: string, body: Buffer | string): Promise<boolean> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(name), Body: body, IfNoneMatch: '*' }));
      return true;
    } catch (err) {
      if (err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 412 || err.$metadata.httpStatusCode === 409)) return false;
      throw err;
    }
  }

  /** Every object whose name starts with `under` (a folder's name ends in /). */
  async list(under: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    const strip = this.key('').length;
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: this.key(under), ContinuationToken: token }));
      for (const o of page.Contents ?? []) found.push({ name: o.Key!.slice(strip), size: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async remove(names: readonly string[]): Promise<void> {
    // DeleteObjects takes up to 1,000 keys a call.
    for (let start = 0; start < names.length; start += 1000) {
      const Objects = names.slice(start, start + 1000).map((name) => ({ Key: this.key(name) }));
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.location.bucket, Delete: { Objects, Quiet: true } }));
    }
  }

  /** Uploads local files, each `[path, name]`, streaming them, several at a time. */
  async upload(files: readonly (readonly [string, string])[]): Promise<void> {
    await eachLimited(files, PARALLEL_TRANSFERS, async ([path, name]) => {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(name), Body: createReadStream(path), ContentLength: statSync(path).size }),
      );
    });
  }

  /** Downloads objects, each `[name, path]`, streaming them to local files, several at a time. */
  async download(files: readonly (readonly [string, string])[]): Promise<void> {
    await eachLimited(files, PARALLEL_TRANSFERS, async ([name, path]) => {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(name) }));
      mkdirSync(dirname(path), { recursive: true });
      await pipeline(got.Body as Readable, createWriteStream(path));
    });
  }

  close(): void {
    this.client.destroy();
  }
}
