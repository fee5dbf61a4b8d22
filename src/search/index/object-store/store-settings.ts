// The settings every S3 tool reads, read once here for both the S3 client (object-store.ts) and LanceDB:
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, and AWS_ENDPOINT_URL (or
// AWS_ENDPOINT_URL_S3) for an S3-compatible server such as MinIO or s3rver. Loading this loads no SDK.

/** AWS's own default, and what S3-compatible servers that ignore regions accept. */
const DEFAULT_REGION = 'us-east-1';
export const endpointOf = (env: NodeJS.ProcessEnv) => env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
export const regionOf = (env: NodeJS.ProcessEnv) => env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;

/**
 * LanceDB's storage options for the same store. Against a named endpoint (MinIO, s3rver) requests are
 * path-style, as those servers expect, and plain HTTP is allowed when the endpoint is http://.
 */
export function lanceStorageOptions(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const endpoint = endpointOf(env);
  const options: Record<string, string> = { aws_region: regionOf(env) };
  if (env.AWS_ACCESS_KEY_ID) options.aws_access_key_id = env.AWS_ACCESS_KEY_ID;
  if (env.AWS_SECRET_ACCESS_KEY) options.aws_secret_access_key = env.AWS_SECRET_ACCESS_KEY;
  if (env.AWS_SESSION_TOKEN) options.aws_session_token = env.AWS_SESSION_TOKEN;
  if (endpoint) {
    options.aws_endpoint = endpoint;
    options.aws_virtual_hosted_style_request = 'false';
    if (endpoint.startsWith('http://')) options.allow_http = 'true';
  }
  return options;
}
