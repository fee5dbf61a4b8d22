// An index kept on object storage (INDEX_DIR=s3://bucket/prefix), served by stateless servers. Each
// server works in a local folder laid out as any index folder (builds, CURRENT), and this keeps that
// folder and the store in step:
//
//   s3://bucket/prefix/CURRENT              the build being served, switched after the build is whole
//   s3://bucket/prefix/builds/<build>/…     every file of each build, as saved in the local folder
//   s3://bucket/prefix/write.lock           the writer's lease (remote-lock.ts)
//
// The writer builds locally, as it would without a store, then publishes: the build's files first,
// CURRENT last, so a reader never finds a CURRENT whose files are not all there. A server copies the
// build CURRENT names into its own folder: the corpus and the small index files, which are read at
// opening or a record at a time; a backend that reads its own folder from the store (LanceDB's dataset)
// is left there and opened by URL. The writer does the same at start, so a server with an empty disk
// starts from the shared build instead of building again.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../../../util/atomic-write.js';
import { filesUnder } from '../../../util/files-under.js';
import { backendOfBuild } from '../backends.js';
import { BUILD_NAME, currentBuild, removeReplacedBuilds, replacedBuilds, STAGING_PREFIX } from '../index-store.js';
import { REMOTE_FOLDER_FILE } from '../passage-index.js';
import { ObjectStore } from './object-store.js';
import { parseObjectStoreUrl } from './object-store-url.js';
import { lockObjectStore } from './remote-lock.js';

const CURRENT = 'CURRENT';
const BUILDS = 'builds/';

export class RemoteIndex {
  readonly store: ObjectStore;

  constructor(
    url: string,
    /** This server's own folder for the index. */
    private readonly localDir: string,
    env: NodeJS.ProcessEnv = process.env,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.store = new ObjectStore(parseObjectStoreUrl(url), env);
  }

  get url(): string {
    return this.store.location.url;
  }

  /** Takes the writer's lease on the store; returns its release. */
  lock(): Promise<() => Promise<void>> {
    return lockObjectStore(this.store);
  }

  /**
   * Uploads the local build `build`, then points the store's CURRENT at it, then removes builds replaced
   * long enough ago. The build is published once CURRENT names it: a failure to remove old builds after
   * that is logged, not thrown (the next publish removes them), or a writer would serve its old build
   * while the replicas serve the new one.
   */
  async publish(build: string): Promise<void> {
    const folder = join(this.localDir, build);
    const files = filesUnder(folder)
      .filter((path) => !path.endsWith(REMOTE_FOLDER_FILE))
      .map((path) => [path, `${BUILDS}${build}/${relative(folder, path).split(sep).join('/')}`] as const);
    await this.store.upload(files);
    await this.store.put(CURRENT, build);
    try {
      const objects = await this.store.list(BUILDS);
      const builds = [...new Set(objects.map((o) => o.name.slice(BUILDS.length).split('/')[0]))];
      const stale = new Set(replacedBuilds(builds, build));
      await this.store.remove(objects.filter((o) => stale.has(o.name.slice(BUILDS.length).split('/')[0])).map((o) => o.name));
    } catch (err) {
      this.log(`${this.url}: published ${build}, but the builds it replaced were not removed (${(err as Error).message}); the next publish tries again`);
    }
  }

  /**
   * Makes the local folder serve the build the store's CURRENT names, copying it if it is not here yet;
   * returns its name, or why there is none to copy. Safe to call while the local folder is served: the
   * copy is made beside the builds and renamed into place before the local CURRENT switches.
   */
  async pull(): Promise<{ build: string } | { reason: string }> {
    const named = (await this.store.get(CURRENT))?.toString('utf8').trim();
    if (named === undefined) return { reason: `no index published in ${this.url} yet` };
    if (!BUILD_NAME.test(named)) return { reason: `index pointer ${this.url}/${CURRENT} is corrupt` };
    const local = currentBuild(this.localDir);
    if ('build' in local && local.build === named) return { build: named };
    if (!existsSync(join(this.localDir, named, 'manifest.json'))) {
      const copied = await this.copy(named);
      if ('reason' in copied) return copied;
    }
    writeFileAtomic(join(this.localDir, CURRENT), named);
    removeReplacedBuilds(this.localDir, named);
    return { build: named };
  }

  private async copy(build: string): Promise<{ build: string } | { reason: string }> {
    const under = `${BUILDS}${build}/`;
    const objects = await this.store.list(under);
    if (!objects.some((o) => o.name === `${under}manifest.json`)) return { reason: `build ${build} is not in ${this.url} (removed, or not uploaded yet)` };
    const staging = join(this.localDir, `${STAGING_PREFIX}copy-${Date.now()}-${process.pid}`);
    try {
      await this.store.download([[`${under}manifest.json`, join(staging, 'manifest.json')]]);
      const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as { fingerprint?: { backend?: unknown } };
      const remoteFolder = (await backendOfBuild(String(manifest.fingerprint?.backend))).objectStoreFolder;
      const leftThere = remoteFolder === undefined ? undefined : `${under}${remoteFolder}/`;
      const rest = objects.filter((o) => o.name !== `${under}manifest.json` && (leftThere === undefined || !o.name.startsWith(leftThere)));
      await this.store.download(rest.map((o) => [o.name, join(staging, ...o.name.slice(under.length).split('/'))] as const));
      if (leftThere !== undefined) writeFileAtomic(join(staging, REMOTE_FOLDER_FILE), this.store.url(leftThere.slice(0, -1)));
      // A folder of that name without a manifest is what an interrupted copy left: replaced.
      rmSync(join(this.localDir, build), { recursive: true, force: true });
      renameSync(staging, join(this.localDir, build));
      return { build };
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      return { reason: `build ${build} could not be copied from ${this.url} (${(err as Error).message})` };
    }
  }

  /** Pulls every `everyMs`, so the local folder follows the writer's builds; returns the stop function. */
  follow(everyMs: number, log: (line: string) => void): () => void {
    let busy = false;
    let said = '';
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      this.pull()
        .catch((err: Error) => ({ reason: `${this.url} could not be read (${err.message})` }))
        .then((pulled) => {
          const line = 'reason' in pulled ? pulled.reason : '';
          if (line && line !== said) log(line);
          said = line;
        })
        .finally(() => (busy = false));
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  close(): void {
    this.store.close();
  }
}
