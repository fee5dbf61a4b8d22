// GET /upload/jobs?id=… — the page an upload lands on: each file's job (queued, reading, indexing, done
// or why it failed), refreshing itself every 2 s until every job has finished. No script needed.
import { isFinished, type UploadJob } from '../src/engine/upload-jobs.js';
import { addedUrl, documentUrl } from '../src/urls.js';
import { Layout } from './layout.js';

const STATES: Record<UploadJob['state'], string> = {
  queued: '排队中',
  reading: '正在读取（扫描件要识别文字，可能要几分钟）',
  indexing: '正在建立索引',
  done: '完成',
  failed: '失败',
};

function JobItem(props: { job: UploadJob; problem: (job: UploadJob) => string }) {
  const { job } = props;
  const doc = job.document;
  return (
    <li class={`job job-${job.state}`}>
      <strong>{job.fileName}</strong>（{(job.bytes / 1024).toFixed(0)} KB）：<span class="job-state">{STATES[job.state]}</span>
      {job.state === 'done' && doc ? (
        <p>
          {job.duplicate ? `这个文件已经添加过了，就是《${doc.title}》。` : `已添加《${doc.title}》，现在可以提问了。`}
          <a href={addedUrl(doc.id, job.duplicate === true)}>只在这篇里提问</a> · <a href={documentUrl(doc.id)}>查看原文</a>
        </p>
      ) : (
        ''
      )}
      {job.state === 'failed' ? (
        <p class="form-error" role="alert">
          {props.problem(job)}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export function UploadJobsPage(props: { jobs: UploadJob[]; problem: (job: UploadJob) => string }) {
  const running = props.jobs.filter((j) => !isFinished(j)).length;
  return (
    <Layout title="添加文档 · 寻源" reloadSeconds={running > 0 ? 2 : undefined}>
      <h1>添加文档</h1>
      <p role="status">
        {props.jobs.length === 0 ? '没有找到这些上传任务（任务只保留在服务器内存里）。' : running > 0 ? `还有 ${running} 个文件在处理，本页每 2 秒自动更新。` : '全部处理完了。'}
        {running > 0 ? <a href="">刷新</a> : ''}
      </p>
      <ul class="jobs">
        {props.jobs.map((job) => (
          <JobItem job={job} problem={props.problem} />
        ))}
      </ul>
      <p>
        <a href="/">返回提问</a> · <a href="/docs">浏览文档</a>
      </p>
    </Layout>
  );
}
