// The built index on disk. Each build is written to its own folder, every file write-then-rename,
// and only then does the `CURRENT` pointer (itself written atomically) switch to it: a crash at any
// point leaves the previous index in place. Checksums catch truncated or edited files: the files read
// whole at opening are checked whole, the corpus's data files by size and then record by record as read.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Passage } from '../../ingest/document-model.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { nextTurn, turnTaker } from '../../util/next-turn.js';
import { memoryCorpus, type Corpus } from './corpus.js';
import { CORPUS_TABLE_FILE, openCorpusFiles, writeCorpusFiles, type StoredCorpusFiles } from './corpus-files.js';
import type { CorpusIndex } from './corpus-index.js';
import type { StoredDocument } from '../../ingest/document-model.js';
import { DEFAULT_BACKEND } from './default-backend.js';
import type { IndexBackend } from './passage-index.js';

/** Bump when the on-disk layout or anything that shapes passages or tokens changes. 4: the backend is recorded. 5: orama.json names the passage of each vector row. 6: the corpus is read from disk a document at a time. 7: a LanceDB build keeps the passage id of each of its row ids. */
export const INDEX_FORMAT_VERSION = 7;

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
  /** Of the files read whole when the build is opened. */
  checksums: z.record(z.string(), z.string()),
  /** Of the corpus's data files, read a record at a time (each record has its own check). */
  sizes: z.record(z.string(), z.number()),
  /** The folders' snapshot digest when the build was made (`snapshotDigest`). */
  sources: z.string().optional(),
});

type Manifest = z.infer<typeof ManifestSchema>;

/** CURRENT names a build folder of this index and nothing else. */
export const BUILD_NAME = /^build-[0-9]+-[0-9]+$/;

/** Builds of format 5 and before kept the corpus in one JSON file: still read for their vectors when upgrading. */
const FORMAT_5_CORPUS_FILE = 'corpus.json';
const VECTORS_FILE = 'vectors.f32';
/** Folders a build in progress writes to before its save moves them into a build folder. */
export const STAGING_PREFIX = 'staging-';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export const sameFingerprint = (a: Fingerprint, b: Fingerprint) =>
  a.format === b.format && FINGERPRINT_PARTS.every((k) => a[k] === b[k]);

/**
 * Saves a build and returns it as it is served from then on: the same search index, with the corpus
 * read from the saved files (so the memory the build held for it can go).
 */
export async function saveIndex(dir: string, index: CorpusIndex, fingerprint: Fingerprint, sources?: string): Promise<CorpusIndex> {
  const buildId = `build-${Date.now()}-${process.pid}`;
  const folder = join(dir, buildId);
  let manifest: Manifest;
  try {
    manifest = await writeBuild(dir, folder, buildId, index, fingerprint, sources);
  } catch (err) {
    // A save that failed (a full or read-only disk) leaves nothing behind; CURRENT still names the old build.
    rmSync(folder, { recursive: true, force: true });
    throw err;
  }
  removeReplacedBuilds(dir, buildId);
  const corpus = openCorpusFiles(folder, readFileSync(join(folder, CORPUS_TABLE_FILE)), manifest.sizes, index.dimensions);
  return { ...index, corpus };
}

/** The row of each passage in the saved vectors: documents in corpus order, each one's passages in order. */
async function rowsOf(corpus: Corpus): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  const turn = turnTaker();
  for (const d of corpus.documents) {
    for (const p of corpus.passagesOf(d.id)) rows.set(p.id, rows.size);
    await turn();
  }
  return rows;
}

async function writeBuild(dir: string, folder: string, buildId: string, index: CorpusIndex, fingerprint: Fingerprint, sources: string | undefined): Promise<Manifest> {
  mkdirSync(folder, { recursive: true });
  const { table, sizes } = await writeCorpusFiles(folder, index.corpus);
  const rows = await rowsOf(index.corpus);
  // The backend's files refer to vectors by their row in the corpus's vector file.
  const backendFiles = await index.search.save(folder, (id) => rows.get(id)!);
  const checksums: Record<string, string> = {};
  for (const { name, bytes } of [{ name: CORPUS_TABLE_FILE, bytes: table }, ...backendFiles]) {
    writeFileAtomic(join(folder, name), bytes);
    checksums[name] = sha256(bytes);
    await nextTurn();
  }
  const manifest: Manifest = {
    fingerprint,
    createdAt: new Date().toISOString(),
    passages: index.corpus.passageCount,
    dimensions: index.dimensions,
    checksums,
    sizes,
    ...(sources ? { sources } : {}),
  };
  writeFileAtomic(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileAtomic(join(dir, 'CURRENT'), buildId);
  return manifest;
}

/**
 * How long a build stays after a newer one replaced it: a replica reads CURRENT every second and may
 * then take a while to open what it named (LanceDB at a million passages: tens of seconds), and it
 * serves it until the next one is open. Deleting only "all but the last two" removed build N under a
 * replica still serving it when N+1 and N+2 were saved within seconds (77 of 1,041 questions 500).
 */
export const REPLACED_BUILD_GRACE_MS = 120_000;

/** When a build folder was made, from its name (`build-<ms>-<pid>`). */
const madeAt = (entry: string) => Number(/^build-([0-9]+)-/.exec(entry)?.[1] ?? 0);

/** Of the builds named, those replaced (by the next newer one) more than REPLACED_BUILD_GRACE_MS ago; never `current`. */
export function replacedBuilds(names: readonly string[], current: string, now = Date.now()): string[] {
  const builds = names.filter((e) => BUILD_NAME.test(e) && e !== current).sort((a, b) => madeAt(a) - madeAt(b));
  const times = [...builds.map(madeAt), madeAt(current)];
  return builds.filter((_, i) => now - times[i + 1] > REPLACED_BUILD_GRACE_MS);
}

/**
 * Removes what no reader can still use: replaced builds past their grace, and staging folders a failed
 * build left behind. Runs after CURRENT names the new build and never touches it; a folder that cannot
 * be removed now (a network file system holding it open) stays for the next save's cleanup and is not
 * an error.
 */
export function removeReplacedBuilds(dir: string, current: string, now = Date.now()): void {
  const entries = readdirSync(dir);
  for (const entry of [...replacedBuilds(entries, current, now), ...entries.filter((e) => e.startsWith(STAGING_PREFIX))]) {
    try {
      rmSync(join(dir, entry), { recursive: true, force: true });
    } catch {
      // Left for the next save (the caller holds the folder's write lock, so nothing else removes it meanwhile).
    }
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

/** The corpus of a format 5 (or earlier) build, kept in one JSON file beside its vectors. */
function readFormat5Corpus(buffers: Record<string, Buffer>, dimensions: number): Corpus {
  const { documents, passages } = JSON.parse(buffers[FORMAT_5_CORPUS_FILE].toString('utf8')) as { documents: StoredDocument[]; passages: Passage[] };
  const bytes = buffers[VECTORS_FILE];
  const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!Array.isArray(documents) || !Array.isArray(passages) || vectors.length !== passages.length * dimensions) throw new Error('corpus.json does not match its vectors');
  return memoryCorpus(documents, passages, vectors, dimensions);
}

/**
 * What a stored build needs to offer its texts and vectors to the next build: the model the vectors
 * came from, the chunker, and its files' checks. Builds of earlier index formats have these too, so
 * upgrading xunyuan re-indexes without embedding again.
 */
const ReusableManifestSchema = z.object({
  fingerprint: z.object({ model: z.string(), chunker: z.string() }),
  dimensions: z.number().int().positive(),
  checksums: z.record(z.string(), z.string()),
  sizes: z.record(z.string(), z.number()).optional(),
});

/** The stored build's corpus, whatever corpus, backend or index format it was built with; undefined when there is none intact. The caller closes it. */
export function loadStoredCorpus(dir: string): { fingerprint: Pick<Fingerprint, 'model' | 'chunker'>; corpus: Corpus } | undefined {
  const current = currentBuild(dir);
  if ('reason' in current) return undefined;
  const folder = join(dir, current.build);
  const read = readManifest(folder);
  const manifest = 'raw' in read ? ReusableManifestSchema.safeParse(read.raw) : undefined;
  if (!manifest?.success) return undefined;
  const { checksums, sizes, dimensions, fingerprint } = manifest.data;
  const format5 = checksums[FORMAT_5_CORPUS_FILE] !== undefined;
  const files = readCheckedFiles(folder, format5 ? [FORMAT_5_CORPUS_FILE, VECTORS_FILE] : [CORPUS_TABLE_FILE], checksums);
  if ('reason' in files) return undefined;
  try {
    const corpus = format5 ? readFormat5Corpus(files.buffers, dimensions) : openCorpusFiles(folder, files.buffers[CORPUS_TABLE_FILE], sizes ?? {}, dimensions);
    return { fingerprint, corpus };
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
 * The stored index if it was built from folders whose snapshot digest is `sources` (none of their files
 * added, removed or written since) with this model, chunker, tokenizer and backend: a start that reads
 * no file. The build is opened while the digest is still being taken (in a worker thread), so neither
 * waits for the other. Its fingerprint comes with it.
 */
export async function loadIndexOfSources(
  dir: string,
  sources: Promise<string>,
  expected: Omit<Fingerprint, 'corpus'>,
  backend: IndexBackend,
): Promise<{ index: CorpusIndex; fingerprint: Fingerprint } | { reason: string }> {
  const build = readBuild(dir, []);
  if ('reason' in build) return build;
  const { manifest } = build;
  if (manifest.sources === undefined || !sameFingerprint(manifest.fingerprint, { ...expected, corpus: manifest.fingerprint.corpus })) {
    return { reason: 'the settings may have changed since the index was built' };
  }
  const opened = await openBuild(dir, build.build, backend);
  let digest: string;
  try {
    digest = await sources;
  } catch (err) {
    if ('index' in opened) opened.index.corpus.close();
    throw err;
  }
  if (digest === manifest.sources) return 'reason' in opened ? opened : { index: opened.index, fingerprint: manifest.fingerprint };
  if ('index' in opened) opened.index.corpus.close();
  return { reason: 'files may have changed since the index was built' };
}

/**
 * Records `sources` as the folders' digest of the current build when that build was made from
 * `fingerprint`: the files hold what the build read although their digest changed (files touched, or
 * copied anew), and the next start need not read them again. The caller holds the write lock.
 */
export function recordSources(dir: string, fingerprint: Fingerprint, sources: string): void {
  const build = readBuild(dir, []);
  if ('reason' in build || !sameFingerprint(build.manifest.fingerprint, fingerprint) || build.manifest.sources === sources) return;
  writeFileAtomic(join(build.folder, 'manifest.json'), JSON.stringify({ ...build.manifest, sources }, null, 2));
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

/** A saved build, served: the corpus read from its files on demand, the backend's index opened. */
export async function openBuild(dir: string, name: string, backend: IndexBackend): Promise<{ index: CorpusIndex } | { reason: string }> {
  const checked = readBuild(dir, [CORPUS_TABLE_FILE, ...backend.files], name);
  if ('reason' in checked) return checked;
  const { folder, manifest, buffers } = checked;
  let corpus: StoredCorpusFiles | undefined;
  try {
    corpus = openCorpusFiles(folder, buffers[CORPUS_TABLE_FILE], manifest.sizes, manifest.dimensions);
    const search = await backend.open(folder, buffers, corpus.allVectors, manifest.dimensions);
    return { index: { corpus, dimensions: manifest.dimensions, search } };
  } catch (err) {
    corpus?.close();
    const message = (err as Error).message;
    return { reason: message.startsWith('index file') ? message : `index could not be read (${message})` };
  }
}
