// A folder holding files that used to take the server down, next to ordinary documents, served as a
// user would serve it: the server starts, answers /healthz within a second all the while (saying how
// far the start has got, as the page does), skips each bad file with its reason in the log, /docs and
// the API, and answers questions about the rest.
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MAX_CORPUS_FILE_BYTES } from '../../src/limits.js';
import { freePort } from '../../src/server/free-port.js';
import { pdfWithPages } from '../support/make-pdf.js';
import { docxWithBody } from '../support/make-zip.js';
import { run, until } from '../support/processes.js';
import { scratchDir } from '../support/engines.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/formats', name));

/** Each bad file, and what its reason says. */
const BAD: [string, RegExp][] = [
  ['damaged-scan.png', /the image could not be read: Tesseract could not read it/],
  ['loop.doc', /its reader crashed/],
  ['bomb.docx', /its word\/document\.xml inflates to 97 MB/],
  ['runs.pdf', /more than 1,000,000 runs of text/],
  ['one-page-runs.pdf', /its reader crashed/],
  ['huge-pages.pdf', /holds no text, not even by OCR/],
  ['dump.txt', /corpus files of at most/],
];

function hostileFolder(): string {
  const corpusDir = join(scratchDir('hostile'), 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  cpSync('test/fixtures/office', corpusDir, { recursive: true });
  writeFileSync(join(corpusDir, 'notice.txt'), '停水通知\n\n本周六上午八点至十二点，东城区停水检修。\n');
  writeFileSync(join(corpusDir, 'notice.md'), '# 停电通知\n\n本周日下午两点至六点，西城区停电检修线路。\n');
  const png = fixture('park-hours.png');
  writeFileSync(join(corpusDir, 'damaged-scan.png'), png.subarray(0, png.length / 2));
  const doc = Buffer.from(fixture('canteen-report.doc'));
  doc.writeUInt32LE(13, 512 + 14 * 4);
  writeFileSync(join(corpusDir, 'loop.doc'), doc);
  writeFileSync(join(corpusDir, 'bomb.docx'), docxWithBody(Buffer.from('<w:p/>'.repeat(17_000_000))));
  writeFileSync(join(corpusDir, 'runs.pdf'), pdfWithPages(Array.from({ length: 6 }, () => Buffer.from('BT /F1 1 Tf (a) Tj ET\n'.repeat(200_000)))));
  // 160 KB whose one content stream inflates to 66 MB of one-letter runs: pdf.js builds them all before any count (gigabytes).
  writeFileSync(join(corpusDir, 'one-page-runs.pdf'), pdfWithPages([Buffer.from('BT /F1 1 Tf (a) Tj ET\n'.repeat(3_000_000))]));
  writeFileSync(join(corpusDir, 'huge-pages.pdf'), pdfWithPages([Buffer.from(''), Buffer.from(''), Buffer.from('')], { width: 8000, height: 8000 }));
  writeFileSync(join(corpusDir, 'dump.txt'), '');
  truncateSync(join(corpusDir, 'dump.txt'), MAX_CORPUS_FILE_BYTES + 1);
  return corpusDir;
}

it('starts on a folder of hostile files, answering /healthz within 1 s throughout, and names each file it skipped', async () => {
  const corpusDir = hostileFolder();
  const port = await freePort();
  const server = run('src/cli/serve.ts', ['--corpus', corpusDir, '--index', join(corpusDir, '..', 'index'), '--port', String(port)]);
  const base = `http://127.0.0.1:${port}`;
  let slowest = 0;
  let ready = false;
  try {
    await until(() => server.output().includes('listening on'), 30_000);
    const phases = new Set<string>();
    let page = '';
    while (!ready) {
      const started = performance.now();
      const res = await fetch(`${base}/healthz`);
      slowest = Math.max(slowest, performance.now() - started);
      // While it starts, /healthz and the page say how far it has got (the page reloads itself); once the
      // files are read it answers by keyword, and says how far the embedding has got (`indexing`).
      const body = (await res.json()) as { progress?: { phase: string; done: number; total: number }; indexing?: { done: number; total: number } };
      ready = res.status === 200 && body.indexing === undefined;
      if (body.progress) phases.add(`${body.progress.phase} of ${body.progress.total}`);
      if (!ready && page === '') page = await (await fetch(`${base}/`)).text();
      expect(server.child.exitCode, server.output()).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(slowest).toBeLessThan(1000);
    expect(phases).toContain(`reading of ${BAD.length + 6}`);
    expect(page).toMatch(/正在(读取文件|计算段落向量)/);
    expect(page).toContain('data-reload-every="3000"');
    const log = server.output();
    for (const [name, reason] of BAD) expect(log).toMatch(new RegExp(`skipped ${name.replace('.', '\\.')}: .*${reason.source}`));
    const docs = await (await fetch(`${base}/docs`)).text();
    for (const [name] of BAD) expect(docs).toContain(`<code>${name}</code>`);
    const listed = (await (await fetch(`${base}/api/documents`)).json()) as { documents: { path: string }[]; skipped: { path: string; reason: string }[] };
    expect(listed.skipped.map((f) => f.path).sort()).toEqual(BAD.map(([name]) => name).sort());
    expect(listed.documents.map((d) => d.path)).toEqual(expect.arrayContaining(['notice.txt', 'notice.md', '放假通知.txt']));
    const ask = async (q: string) => ((await (await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`)).json()) as { answer: { text: string } | null }).answer?.text;
    expect(await ask('西城区什么时候停电?')).toContain('本周日下午两点至六点');
    expect(await ask('国庆节放几天假?')).toContain('共7天');
  } finally {
    server.child.kill('SIGTERM');
    await server.exit;
  }
}, 240_000);
