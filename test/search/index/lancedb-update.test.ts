// A re-index on LanceDB changes a copy of the served build instead of indexing every passage again:
// the copy shares the build's unchanged files (hard links), only changed passages are removed and
// added, and what it finds and counts is what a fresh build of the same files finds and counts.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/ingest/read-corpus.js';
import { backendOfBuild, indexBackend } from '../../../src/search/index/backends.js';
import { buildIndex } from '../../../src/search/index/build-index.js';
import { reusable } from '../../../src/search/index/corpus.js';
import { DEFAULT_CHUNKING } from '../../../src/ingest/chunk-passages.js';
import { fingerprintOf } from '../../../src/search/index/fingerprint.js';
import { currentBuild, loadCurrentIndex, saveIndex } from '../../../src/search/index/index-store.js';
import { tokenize } from '../../../src/search/tokenize/tokenize.js';
import { filesUnder } from '../../../src/util/files-under.js';
import { scratchDir, sharedEmbedder } from '../../support/engines.js';

const file = (id: string, text: string): SourceFile => ({ id, path: `${id}.txt`, name: id, text });

const BEFORE = [
  file('river', '# 滏阳河\n\n滏阳河在冀南新区境内全长约25公里，是当地重要的排涝河道。'),
  file('library', '# 图书馆\n\n市图书馆旧馆藏书三十万册，周一闭馆。'),
  file('park', '# 公园\n\n人民公园占地六百亩，园内有湖。'),
];
const AFTER = [
  BEFORE[0],
  file('library', '# 图书馆\n\n市图书馆新馆藏书八十万册，周二闭馆。'),
  file('museum', '# 博物馆\n\n市博物馆收藏文物两万件，免费开放。'),
];
const TERMS = ['滏阳河', '图书馆', '藏书', '八十万', '三十万', '公园', '博物馆', '文物', '闭馆'];

describe('a LanceDB re-index', () => {
  it('changes a copy of the served build: shared files, and the same finds and counts as a fresh build', async () => {
    const embedder = await sharedEmbedder();
    const backend = await indexBackend('lancedb');
    const indexDir = scratchDir('lancedb-update');
    const fingerprint = (files: SourceFile[]) => fingerprintOf(files, embedder.fingerprint, DEFAULT_CHUNKING, backend.name);
    const first = await buildIndex(BEFORE, embedder, { backend, staging: join(indexDir, 'staging-1') });
    const served = await saveIndex(indexDir, first.index, await fingerprint(BEFORE));
    const firstBuild = (currentBuild(indexDir) as { build: string }).build;

    const updated = await buildIndex(AFTER, embedder, { backend, staging: join(indexDir, 'staging-2'), previous: await reusable(served.corpus), reuseDocuments: true, update: served.search });
    const saved = await saveIndex(indexDir, updated.index, await fingerprint(AFTER));
    const secondBuild = (currentBuild(indexDir) as { build: string }).build;
    const fresh = (await buildIndex(AFTER, embedder, { backend, staging: join(scratchDir('lancedb-fresh'), 'staging') })).index;

    // The river's rows were never written again: the new build's data files include the old build's, linked.
    const inodes = (build: string) => new Set(filesUnder(join(indexDir, build, 'lancedb')).map((f) => statSync(f).ino));
    const before = inodes(firstBuild);
    expect([...inodes(secondBuild)].filter((i) => before.has(i)).length).toBeGreaterThan(0);

    expect(saved.search.size).toBe(fresh.search.size);
    for (const term of TERMS) expect(saved.search.documentFrequency(term), term).toBe(fresh.search.documentFrequency(term));
    for (const question of ['图书馆藏书多少册', '滏阳河全长', '公园占地', '博物馆文物']) {
      const query = { terms: tokenize(question), limit: 10, titleBoost: 2 };
      const ids = async (index: typeof fresh) => (await index.search.keywordSearch(query)).map((h) => h.id).sort();
      expect(await ids(saved), question).toEqual(await ids(fresh));
    }
    const [vector] = await embedder.embedQueries(['新馆藏书']);
    const top = async (index: typeof fresh) => (await index.search.vectorSearch({ vector, limit: 3 })).map((h) => h.id);
    expect(await top(saved)).toEqual(await top(fresh));
    // The build it was copied from still serves what it held.
    expect((await served.search.keywordSearch({ terms: ['三十万'], limit: 5, titleBoost: 2 })).length).toBe(1);
    expect(await saved.search.keywordSearch({ terms: ['三十万'], limit: 5, titleBoost: 2 })).toEqual([]);
    expect(updated.report).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    // The saved copy passes its own checks when opened again (a restart, a replica): its listing
    // holds the checksums of the files Lance replaced, not of the ones they replaced.
    const reopened = await loadCurrentIndex(indexDir, backendOfBuild);
    expect('reason' in reopened ? reopened.reason : reopened.build).toBe(secondBuild);
  });
});
