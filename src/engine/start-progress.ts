// How far a first build (or a long load) has got, for the page and /healthz while the index is not
// ready: files read, then passages embedded, with a rate and the time left. The engine reports into
// it (`EngineOptions.onRead`, `onProgress`); the server shows it.
import type { BuildProgress } from '../search/index/build-index.js';

export interface StartProgress {
  phase: 'reading' | 'embedding';
  /** Files read of all files, or passages embedded of all passages. */
  done: number;
  total: number;
  /** Seconds since this phase began. */
  seconds: number;
  /** Seconds left at the rate so far; absent until there is a rate. */
  left?: number;
}

export class StartTracker {
  private phase: StartProgress['phase'] = 'reading';
  private done = 0;
  private total = 0;
  private since = performance.now();

  private readonly read: string[] = [];

  /** After each file read; `path` when it became a document. */
  readonly onRead = (done: number, total: number, path?: string) => {
    if (path !== undefined) this.read.push(path);
    this.set('reading', done, total);
  };

  /** The paths of the documents read so far, in the order read: the documents page lists them while the index is built. */
  get documentsRead(): readonly string[] {
    return this.read;
  }

  /** After each batch embedded (passages whose vector was kept from the last build count as done). */
  readonly onProgress = (p: BuildProgress) => this.set('embedding', p.done, p.total);

  private set(phase: StartProgress['phase'], done: number, total: number): void {
    if (phase !== this.phase) this.since = performance.now();
    this.phase = phase;
    this.done = done;
    this.total = total;
  }

  get progress(): StartProgress {
    const seconds = (performance.now() - this.since) / 1000;
    const rate = this.done / Math.max(seconds, 1e-3);
    const left = this.done > 0 && this.total >= this.done ? Math.ceil((this.total - this.done) / rate) : undefined;
    return { phase: this.phase, done: this.done, total: this.total, seconds: Math.round(seconds), ...(left !== undefined ? { left } : {}) };
  }
}

/** The progress as a person reads it: `正在读取文件：12 / 40` or `正在计算段落向量：300 / 1,200（约 45 秒）`. */
export function describeProgress(p: StartProgress): string {
  const what = p.phase === 'reading' ? '正在读取文件' : '正在计算段落向量';
  const count = p.total > 0 ? `：${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}` : '';
  return `${what}${count}${p.left !== undefined ? `（约 ${p.left} 秒）` : ''}`;
}
