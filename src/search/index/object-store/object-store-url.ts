// Where an index lives when INDEX_DIR is a URL: `s3://bucket/prefix`. S3 and the servers that speak its
// API (MinIO, Ceph, R2, a local s3rver; AWS_ENDPOINT_URL names one) are supported; LanceDB also reads
// gs:// and az://, but the files kept beside its dataset are moved with an S3 client, so those are
// refused with a clear message rather than half supported.

export interface ObjectStoreLocation {
  /** As the user wrote it, without a trailing slash. */
  url: string;
  bucket: string;
  /** The keys' common prefix, without leading or trailing slashes; '' for the bucket's root. */
  prefix: string;
}

/** Anything with a scheme (`s3://`, `gs://`, `file://`…), as opposed to a path on this machine. */
export const isUrl = (place: string) => /^[a-z][a-z0-9+.-]+:\/\//i.test(place);

export function parseObjectStoreUrl(place: string): ObjectStoreLocation {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(place.trim());
  if (!match) {
    const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(place)?.[1];
    throw new Error(
      scheme && scheme.toLowerCase() !== 's3'
        ? `INDEX_DIR ${place}: ${scheme}:// is not supported; use a folder on this machine or s3://bucket/prefix (any S3-compatible store, through AWS_ENDPOINT_URL)`
        : `INDEX_DIR ${place} is not an S3 URL of the form s3://bucket/prefix (a bucket name is 3 to 63 lower-case letters, digits, dots and hyphens)`,
    );
  }
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix.split('/').some((part) => part === '.' || part === '..')) throw new Error(`INDEX_DIR ${place}: the prefix may not hold . or .. parts`);
  return { url: `s3://${match[1]}${prefix ? `/${prefix}` : ''}`, bucket: match[1], prefix };
}
