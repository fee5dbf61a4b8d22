// GET /docs — the documents, for a corpus of any size: a title search, the folders to narrow to, the
// matching documents grouped by folder with type, size, date and counts, and pages of 50. Plain links
// and a GET form, so it all works without script. The listing itself is `src/chat/document-listing.ts`.
import type { DocumentListing, DocumentRow } from '../src/chat/document-listing.js';
import type { SkippedFile } from '../src/ingest/read-corpus.js';
import { isUpload } from '../src/ingest/read-sources.js';
import { deleteDocumentUrl, documentUrl, listUrl } from '../src/urls.js';
import { describeProgress, type StartProgress } from '../src/engine/start-progress.js';
import { Layout } from './layout.js';
import { UploadForm } from './upload-form.js';

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const dateText = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : '—');

/** Files of the folders that were not read, each with its reason, after the list. */
function SkippedList(props: { skipped: readonly SkippedFile[] }) {
  if (props.skipped.length === 0) return <></>;
  return (
    <section aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">未能读取的文件（{props.skipped.length}）</h2>
      <ul class="skipped-list">
        {props.skipped.map((f) => (
          <li>
            <code>{f.path}</code>：{f.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeleteForm(props: { row: DocumentRow }) {
  const { doc } = props.row;
  return (
    <form class="delete-document" method="post" action={deleteDocumentUrl(doc.id)}>
      <label>
        管理口令
        <input type="password" name="token" autocomplete="current-password" required />
      </label>
      <button type="submit">
        删除<span class="visually-hidden">《{doc.title}》</span>
      </button>
    </form>
  );
}

function Pager(props: { listing: DocumentListing }) {
  const { q, folder, page, pages } = props.listing;
  if (pages <= 1) return <></>;
  return (
    <nav class="pager" aria-label="分页">
      {page > 1 ? <a href={listUrl({ q, folder, page: page - 1 })}>上一页</a> : ''}
      <span aria-current="page">
        第 {page} / {pages} 页
      </span>
      {page < pages ? <a href={listUrl({ q, folder, page: page + 1 })}>下一页</a> : ''}
    </nav>
  );
}

export function DocumentListPage(props: { listing: DocumentListing; skipped?: readonly SkippedFile[]; writes?: boolean; message?: string; error?: string }) {
  const { listing } = props;
  const { q, folder } = listing;
  return (
    <Layout title="文档 · 寻源">
      <h1>文档</h1>
      <p>
        共 {listing.total} 篇
        {folder || q ? `；${folder ? `文件夹「${folder}」里` : ''}${q ? `标题含“${q}”的` : ''}有 ${listing.matching} 篇` : ''}。点标题阅读全文。
      </p>
      {props.message ? (
        <p class="notice" role="status">
          {props.message}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : (
        ''
      )}
      <form class="doc-search" method="get" action="/docs" role="search">
        <label for="doc-search">按标题或文件名查找</label>
        <input id="doc-search" type="search" name="q" value={q} />
        {folder ? <input type="hidden" name="folder" value={folder} /> : ''}
        <button type="submit">查找</button>
      </form>
      <nav class="folder-nav" aria-label="文件夹">
        {folder ? (
          <p>
            当前文件夹：<strong>{folder}</strong> · <a href={listUrl({ q })}>全部文件夹</a>
          </p>
        ) : (
          ''
        )}
        {listing.folders.length ? (
          <ul>
            {listing.folders.map((f) => (
              <li>
                <a href={listUrl({ q, folder: f.folder })}>{f.folder}</a>（{f.documents} 篇）
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
      </nav>
      {props.writes ? <UploadForm /> : ''}
      {listing.matching === 0 ? <p class="nothing">没有找到这样的文档。</p> : ''}
      {listing.groups.map((group) => (
        <section class="doc-group" aria-label={group.folder || '顶层文件夹'}>
          <h2>{group.folder ? <a href={listUrl({ q, folder: group.folder })}>{group.folder}</a> : '（顶层）'}</h2>
          <table class="doc-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">类型</th>
                <th scope="col">大小</th>
                <th scope="col">修改日期</th>
                <th scope="col">段落</th>
                <th scope="col">页数</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr>
                  <td>
                    <a href={documentUrl(row.doc.id)}>{row.doc.title}</a>
                    {isUpload(row.doc.path) ? <span class="uploaded-tag">上传</span> : ''}
                    {props.writes && isUpload(row.doc.path) ? <DeleteForm row={row} /> : ''}
                  </td>
                  <td>{row.type}</td>
                  <td>{sizeText(row.bytes)}</td>
                  <td>{dateText(row.modified)}</td>
                  <td>{row.doc.passages}</td>
                  <td>{row.pages ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <Pager listing={listing} />
      <SkippedList skipped={props.skipped ?? []} />
    </Layout>
  );
}

/** Documents the page lists while the index is built: the newest this many, with the count of all. */
const SHOWN_WHILE_READING = 200;

/** GET /docs while the first build runs: what has been read so far, newest first, updating itself. */
export function DocumentsReadPage(props: { progress?: StartProgress; paths: readonly string[] }) {
  const newest = props.paths.slice(-SHOWN_WHILE_READING).reverse();
  return (
    <Layout title="文档 · 寻源" reloadSeconds={3}>
      <h1>文档</h1>
      <p role="status">
        索引正在建立{props.progress ? `（${describeProgress(props.progress)}）` : ''}，已经读取 {props.paths.length} 篇文档；建好后即可提问和打开全文，本页每 3 秒自动更新。
        <a href="">刷新</a>
      </p>
      {newest.length > 0 ? (
        <>
          <h2>{props.paths.length > newest.length ? `最近读取的 ${newest.length} 篇` : '已读取'}</h2>
          <ul class="documents-read">
            {newest.map((path) => (
              <li>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
