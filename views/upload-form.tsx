// The chat page's "add documents" form, shown only when the server has ADMIN_TOKEN. A plain multipart
// form (no script needed): the token goes in the body, which also keeps other sites from posting it.
// Several files at once; each becomes an upload job the next page follows. With script, files dropped
// anywhere on the page land in it, and the token is remembered for the visit.
import type { DocumentSummary } from '../src/search/index/corpus.js';
import { ACCEPTED_EXTENSIONS } from '../src/ingest/formats/format-reader.js';
import { MAX_BINARY_UPLOAD_BYTES, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_BYTES } from '../src/limits.js';
import { documentUrl } from '../src/urls.js';

export interface UploadState {
  /** Why the last upload was refused. */
  error?: string;
  /** The document just added. */
  added?: DocumentSummary;
  /** The upload's bytes were already there, as `added`: nothing was added twice. */
  duplicate?: boolean;
}

export function UploadForm(props: UploadState) {
  return (
    <details class="add-document" open={props.error !== undefined}>
      <summary>添加文档</summary>
      <form method="post" action="/upload" enctype="multipart/form-data">
        <p class="hint">
          一次最多 {MAX_FILES_PER_UPLOAD} 个，支持 {ACCEPTED_EXTENSIONS.join('、')} 文件：文本和网页最大 {MAX_UPLOAD_BYTES / 1024 / 1024} MB（UTF-8、GBK、Big5、UTF-16 编码均可），PDF、Word、Excel、幻灯片、电子书和图片最大{' '}
          {MAX_BINARY_UPLOAD_BYTES / 1024 / 1024} MB。
        </p>
        {props.error ? (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        ) : (
          ''
        )}
        <label for="upload-file">文件（可以多选，也可以直接拖到本页）</label>
        <input id="upload-file" type="file" name="file" accept={ACCEPTED_EXTENSIONS.join(',')} multiple required />
        <label for="upload-token">管理口令（ADMIN_TOKEN）</label>
        <input id="upload-token" type="password" name="token" autocomplete="current-password" required />
        <button type="submit">上传并索引</button>
      </form>
    </details>
  );
}

export function AddedNotice(props: { doc: DocumentSummary; duplicate?: boolean }) {
  return (
    <p class="added-notice" role="status">
      {props.duplicate ? `这个文件已经添加过了，就是《${props.doc.title}》，没有再添加一次` : `已添加《${props.doc.title}》`}
      ，现在可以就它提问了（范围已选为这篇文档）。
      <a href={documentUrl(props.doc.id)}>查看原文</a>
    </p>
  );
}
