// The built index on disk. Each build is written to its own folder, every file write-then-rename,
// and only then does the `CURRENT` pointer (itself written atomically) switch to it: a crash at any
// point leaves the previous index in place. Checksums catch truncated or edited files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Passage } from '../../ingest/chunk-passages.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { nextTurn } from '../../util/next-turn.js';
import { lookups, type CorpusIndex, type StoredDocument } from './corpus-index.js';
import { DEFAULT_BACKEND } from './default-backend.js';
import type { IndexBackend } from './passage-index.js';

/** Bump when the on-disk layout or anything that shapes passages or tokens changes. 4: the backend is recorded. 5: orama.json names the passage of each vector row. */
export const INDEX_FORMAT_VERSION = 5;

export interface Fingerprint {
  format: number;
  corpus: string;
  model: string;
  chunker: string;
  tokenizer: string;
  /** The index backend that built it (`orama`, `lancedb`). */
  backend: string;
}

const FINGERPRINT_PARTS = ['corpus', 'model', 'chunker', 'tokenizer', 'backend'] as const;

/** What a build's manifest must look like; anything else (null, a missing field) means rebuild, not crash. */
const ManifestSchema = z.object({
  fingerprint: z.object({ format: z.number(), corpus: z.string(), model: z.string(), chunker: z.string(), tokenizer: z.string(), backend: z.string() }),
  createdAt: z.string(),
  passages: z.number().int().nonnegative(),
  dimensions: z.number().int().positive(),
  checksums: z.record(z.string(), z.string()),
});

type Manifest = z.infer<typeof ManifestSchema>;

/** CURRENT names a build folder of this index and nothing else. */
const BUILD_NAME = /^build-[0-9]+-[0-9]+$/;

const CORPUS_FILE = 'corpus.json';
const VECTORS_FILE = 'vectors.f32';
/** Folders a build in progress writes to before its save moves them into a build folder. */
export const STAGING_PREFIX = 'staging-';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export const sameFingerprint = (a: Fingerprint, b: Fingerprint) =>
  a.format === b.format && FINGERPRINT_PARTS.every((k) => a[k] === b[k]);

/** Async only to give the event loop a turn between its steps (each up to ~0.7 s at 12,630 passages). */
export async function saveIndex(dir: string, index: CorpusIndex, fingerprint: Fingerprint): Promise<void> {
  const buildId = `build-${Date.now()}-${process.pid}`;
  const folder = join(dir, buildId);
  try {
    await writeBuild(dir, folder, buildId, index, fingerprint);
  } catch (err) {
    // A save that failed (a full or read-only disk) leaves nothing behind; CURRENT still names the old build.
    rmSync(folder, { recursive: true, force: true });
    throw err;
  }
}

async function writeBuild(dir: string, folder: string, buildId: string, index: CorpusIndex, fingerprint: Fingerprint): Promise<void> {
  mkdirSync(folder, { recursive: true });

  // Vectors go to one binary file; the backend's files refer to them by row.
  const backendFiles = await index.search.save(folder, (id) => index.rowById.get(id)!);
  const contents: [string, () => Buffer][] = [
    [CORPUS_FILE, () => Buffer.from(JSON.stringify({ documents: index.documents, passages: index.passages }))],
    ...backendFiles.map((f): [string, () => Buffer] => [f.name, () => f.bytes]),
    [VECTORS_FILE, () => Buffer.from(index.vectors.buffer, index.vectors.byteOffset, index.vectors.byteLength)],
  ];
  const checksums: Record<string, string> = {};
  for (const [name, content] of contents) {
    const bytes = content();
    await nextTurn();
    writeFileAtomic(join(folder, name), bytes);
    checksums[name] = sha256(bytes);
    await nextTurn();
  }
  const manifest: Manifest = {
    fingerprint,
    createdAt: new Date().toISOString(),
    passages: index.passages.length,
    dimensions: index.dimensions,
    checksums,
  };
  writeFileAtomic(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const pointer = join(dir, 'CURRENT');
  const replaced = existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : undefined;
  writeFileAtomic(pointer, buildId);
  // The build just replaced stays: a process that read CURRENT a moment ago may still be loading it.
  // Older ones, and builds or staging folders a failed build left behind, go (the caller holds the folder's write lock).
  for (const entry of readdirSync(dir)) {
    const stale = (entry.startsWith('build-') && entry !== buildId && entry !== replaced) || entry.startsWith(STAGING_PREFIX);
    if (stale) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

export type LoadResult = { index: CorpusIndex } | { reason: string };

/** The build folder CURRENT names (`build-…`), or why there is none. */
export function currentBuild(dir: string): { build: string } | { reason: string } {
  const pointer = join(dir, 'CURRENT');
  if (!existsSync(pointer)) return { reason: 'no index built yet' };
  let build: string;
  try {
    build = readFileSync(pointer, 'utf8').trim();
  } catch {
    return { reason: 'index pointer CURRENT is unreadable' };
  }
  return BUILD_NAME.test(build) ? { build } : { reason: 'index pointer CURRENT is corrupt' };
}

/** The manifest of a build folder, parsed as JSON, or why not. */
function readManifest(folder: string): { raw: unknown } | { reason: string } {
  try {
    return { raw: JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) };
  } catch {
    return { reason: 'index manifest missing or unreadable' };
  }
}

/** The named files of a build folder, each checked against the manifest's checksum. */
function readCheckedFiles(folder: string, names: readonly string[], checksums: Record<string, string>): { buffers: Record<string, Buffer> } | { reason: string } {
  const buffers: Record<string, Buffer> = {};
  for (const file of names) {
    const path = join(folder, file);
    if (!existsSync(path)) return { reason: `index file ${file} is missing` };
    const buffer = readFileSync(path);
    if (sha256(buffer) !== checksums[file]) return { reason: `index file ${file} is corrupt (checksum mismatch)` };
    buffers[file] = buffer;
  }
  return { buffers };
}

/** A build's manifest and files (the current build unless named), each checked against its checksum. */
function readBuild(dir: string, names: readonly string[], name?: string): { build: string; folder: string; manifest: Manifest; buffers: Record<string, Buffer> } | { reason: string } {
  const current = name === undefined ? currentBuild(dir) : { build: name };
  if ('reason' in current) return current;
  const { build } = current;
  const folder = join(dir, build);
  const read = readManifest(folder);
  if ('reason' in read) return read;
  const checked = ManifestSchema.safeParse(read.raw);
  if (!checked.success) {
    const format = (read.raw as { fingerprint?: { format?: unknown } } | null)?.fingerprint?.format;
    return { reason: typeof format === 'number' && format !== INDEX_FORMAT_VERSION ? 'index is from another version of xunyuan' : 'index manifest is malformed' };
  }
  const manifest = checked.data;
  if (manifest.fingerprint.format !== INDEX_FORMAT_VERSION) return { reason: 'index is from another version of xunyuan' };
  const files = readCheckedFiles(folder, names, manifest.checksums);
  return 'reason' in files ? files : { build, folder, manifest, buffers: files.buffers };
}

function readCorpusFiles(buffers: Record<string, Buffer>): StoredCorpus {
  const { documents, passages } = JSON.parse(buffers[CORPUS_FILE].toString('utf8')) as { documents: StoredDocument[]; passages: Passage[] };
  const bytes = buffers[VECTORS_FILE];
  // A view of the file's bytes where they are aligned for floats (a whole-file read is), a copy where not.
  const vectors =
    bytes.byteOffset % Float32Array.BYTES_PER_ELEMENT === 0
      ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / Float32Array.BYTES_PER_ELEMENT)
      : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { documents, passages, vectors };
}

/** What a previous build holds that a new one can reuse: its documents, passages and their vectors. */
export interface StoredCorpus {
  documents: StoredDocument[];
  passages: Passage[];
  /** passages.length × dimensions. */
  vectors: Float32Array;
}

/**
 * What a stored build needs to offer its texts and vectors to the next build: the model the vectors
 * came from, the chunker, and checksums. Builds of earlier index formats have these too, so upgrading
 * xunyuan re-indexes without embedding again.
 */
const ReusableManifestSchema = z.object({
  fingerprint: z.object({ model: z.string(), chunker: z.string() }),
  checksums: z.record(z.string(), z.string()),
});

/** The stored build's documents and vectors, whatever corpus, backend or index format it was built with; undefined when there is none intact. */
export function loadStoredCorpus(dir: string): { fingerprint: Pick<Fingerprint, 'model' | 'chunker'>; corpus: StoredCorpus } | undefined {
  const current = currentBuild(dir);
  if ('reason' in current) return undefined;
  const folder = join(dir, current.build);
  const read = readManifest(folder);
  const manifest = 'raw' in read ? ReusableManifestSchema.safeParse(read.raw) : undefined;
  if (!manifest?.success) return undefined;
  const files = readCheckedFiles(folder, [CORPUS_FILE, VECTORS_FILE], manifest.data.checksums);
  if ('reason' in files) return undefined;
  try {
    const corpus = readCorpusFiles(files.buffers);
    const whole = Array.isArray(corpus.documents) && Array.isArray(corpus.passages) && corpus.vectors.length % Math.max(1, corpus.passages.length) === 0;
    return whole ? { fingerprint: manifest.data.fingerprint, corpus } : undefined;
  } catch {
    return undefined;
  }
}

/** The stored index if it is intact and was built from exactly this corpus, model, chunker, tokenizer and backend. */
export async function loadIndex(dir: string, expected: Fingerprint, backend: IndexBackend = DEFAULT_BACKEND): Promise<LoadResult> {
  const build = readBuild(dir, []);
  if ('reason' in build) return build;
  const { manifest } = build;
  if (!sameFingerprint(manifest.fingerprint, expected)) {
    const changed = FINGERPRINT_PARTS.filter((k) => manifest.fingerprint[k] !== expected[k]);
    return { reason: `${changed.join(', ')} changed since the index was built` };
  }
  const opened = await openBuild(dir, build.build, backend);
  return 'reason' in opened ? opened : { index: opened.index };
}

/**
 * The newest complete index in `dir`, whatever corpus it was built from, with the backend that built
 * it: what a replica serves. Reading CURRENT once and then only that build, it never mixes two builds.
 */
export async function loadCurrentIndex(
  dir: string,
  backendNamed: (name: string) => Promise<IndexBackend>,
): Promise<{ index: CorpusIndex; fingerprint: Fingerprint; build: string } | { reason: string }> {
  const build = readBuild(dir, []);
  if ('reason' in build) return build;
  const opened = await openBuild(dir, build.build, await backendNamed(build.manifest.fingerprint.backend));
  return 'reason' in opened ? opened : { index: opened.index, fingerprint: build.manifest.fingerprint, build: build.build };
}

async function openBuild(dir: string, name: string, backend: IndexBackend): Promise<{ index: CorpusIndex } | { reason: string }> {
  const checked = readBuild(dir, [CORPUS_FILE, ...backend.files, VECTORS_FILE], name);
  if ('reason' in checked) return checked;
  try {
    const { documents, passages, vectors } = readCorpusFiles(checked.buffers);
    const { dimensions } = checked.manifest;
    const search = await backend.open(checked.folder, checked.buffers, vectors, dimensions);
    return { index: { documents, passages, vectors, dimensions, search, ...lookups(documents, passages) } };
  } catch (err) {
    return { reason: `index could not be read (${(err as Error).message})` };
  }
}
