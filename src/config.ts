// Settings from the environment and the command line, with their defaults.
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { parseCommandLine } from './cli/command-line.js';
import { isOcrEngineName, OCR_ENGINES, type OcrEngineName } from './ingest/formats/ocr.js';
import { DEFAULT_QUERY_CACHE_SIZE } from './search/embed/query-vector-cache.js';
import { BACKEND_NAMES, indexDirFor, isBackendName, type BackendName } from './search/index/backends.js';
import { isUrl, parseObjectStoreUrl } from './search/index/object-store/object-store-url.js';

export interface Config {
  corpusDir: string;
  /** Where documents added through the API are written (UPLOADS_DIR). */
  uploadsDir: string;
  /** This server's folder for the index: the index itself, or its working copy when `objectStore` is set. */
  indexDir: string;
  /** INDEX_DIR as an object store URL (`s3://bucket/prefix`): the index lives there, shared by every server. */
  objectStore?: string;
  /** Where the passage index is kept: Orama in memory (the default) or LanceDB on disk (INDEX_BACKEND). */
  indexBackend: BackendName;
  modelDir: string;
  port: number;
  host: string;
  /** Query vectors kept for repeated questions (QUERY_CACHE_SIZE, 0 turns the cache off). */
  queryCacheSize: number;
  /** Questions arriving together share one model call (QUERY_BATCHING=0 turns it off). */
  queryBatching: boolean;
  /** Page images and scanned PDF pages are read by OCR (OCR=0 turns it off). */
  ocr: boolean;
  /** Which OCR engine reads them (OCR_ENGINE: tesseract, the default, or ppocr). */
  ocrEngine: OcrEngineName;
  /** Re-index while serving when the folders change (`--watch` or WATCH=1). */
  watch: boolean;
  /** Never write the index: serve the newest build a writer made in the index folder and follow new ones (`--replica` or REPLICA=1). */
  replica: boolean;
  /** Turns on the write endpoints, which then require it as a bearer token (ADMIN_TOKEN). */
  adminToken?: string;
  /** Required as a bearer token on /api/ask, /v1/* and /mcp when HOST is not a loopback address (API_TOKEN). */
  apiToken?: string;
  /** Where people reach this server (PUBLIC_URL): links in chat replies and MCP results become absolute. */
  publicUrl?: string;
  /** Host names the server answers to besides loopback names, IP addresses, HOST and PUBLIC_URL's (ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
}

/** A bearer token from the environment: unset or blank is none; otherwise only characters a bearer token may hold (RFC 6750). */
function bearerToken(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const token = env[name]?.trim() || undefined;
  if (token !== undefined && !/^[A-Za-z0-9._~+/-]{12,}=*$/.test(token)) {
    throw new Error(`${name} must be at least 12 characters from A-Z a-z 0-9 - . _ ~ + /`);
  }
  return token;
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_URL must be an http(s) address such as https://docs.example.org, not ${raw}`);
  return url.href.replace(/\/$/, '');
}

/**
 * One index per corpus folder and backend under `index/` (`index/seeds-1a2b3c4d`, and
 * `index/seeds-1a2b3c4d-lancedb` for LanceDB): switching folders or backends loads each one's index
 * instead of rebuilding over another's. The name is the folder's own name, made safe, and a hash of
 * its full path, so two folders called `资料` do not share.
 */
export function defaultIndexDir(corpusDir: string, backend: BackendName = 'orama'): string {
  const name = basename(corpusDir).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'corpus';
  const folder = `${name}-${createHash('sha256').update(corpusDir).digest('hex').slice(0, 8)}`;
  return indexDirFor(folder, backend);
}

/**
 * A server's working copy of an index on object storage (`index/s3-<bucket>-<hash>`): the small files
 * of the build it serves, and the builds a writer makes before it publishes them. INDEX_CACHE_DIR
 * puts it elsewhere.
 */
const workingCopyDir = (url: string) =>
  join('index', `s3-${url.slice('s3://'.length).replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40)}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`);

/** `--corpus DIR` wins over CORPUS_DIR. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const flags = parseCommandLine(argv);
  const port = Number(flags.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not ${flags.port ?? env.PORT}`);
  const queryCacheSize = Number(env.QUERY_CACHE_SIZE ?? DEFAULT_QUERY_CACHE_SIZE);
  if (!Number.isInteger(queryCacheSize) || queryCacheSize < 0) throw new Error(`QUERY_CACHE_SIZE must be a whole number of 0 or more, not ${env.QUERY_CACHE_SIZE}`);
  const corpusDir = resolve(flags.corpus ?? env.CORPUS_DIR ?? 'seeds');
  const indexPlace = flags.index ?? env.INDEX_DIR;
  const objectStore = indexPlace && isUrl(indexPlace) ? parseObjectStoreUrl(indexPlace) : undefined;
  // On object storage LanceDB serves the dataset where it lies; Orama would copy all of it to every server.
  const indexBackend = env.INDEX_BACKEND?.trim() || (objectStore ? 'lancedb' : 'orama');
  if (!isBackendName(indexBackend)) throw new Error(`INDEX_BACKEND must be one of ${BACKEND_NAMES.join(', ')}, not ${indexBackend}`);
  const ocrEngine = env.OCR_ENGINE ?? 'tesseract';
  if (!isOcrEngineName(ocrEngine)) throw new Error(`OCR_ENGINE must be one of ${OCR_ENGINES.join(', ')}, not ${ocrEngine}`);
  return {
    corpusDir,
    uploadsDir: resolve(flags.uploads ?? env.UPLOADS_DIR ?? 'uploads'),
    indexDir: resolve(objectStore ? (env.INDEX_CACHE_DIR ?? workingCopyDir(objectStore.url)) : (indexPlace ?? defaultIndexDir(corpusDir, indexBackend))),
    ...(objectStore ? { objectStore: objectStore.url } : {}),
    indexBackend,
    modelDir: resolve(env.MODEL_DIR ?? 'models/BAAI/bge-small-zh-v1.5'),
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    queryCacheSize,
    queryBatching: env.QUERY_BATCHING !== '0',
    ocr: env.OCR !== '0',
    ocrEngine,
    watch: flags.watch || env.WATCH === '1' || env.WATCH === 'true',
    replica: flags.replica || env.REPLICA === '1' || env.REPLICA === 'true',
    adminToken: bearerToken(env, 'ADMIN_TOKEN'),
    apiToken: bearerToken(env, 'API_TOKEN'),
    publicUrl: publicUrlFrom(env),
    allowedHosts: (env.ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
  };
}
