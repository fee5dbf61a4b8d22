// Starts a worker thread on a module of this project. The compiled project (dist/, what npm start
// runs) starts the worker's .js file; run from sources, as the tests are, the worker is TypeScript,
// which Node 20 cannot load itself, so it is booted through tsx's loader (a development dependency,
// there whenever the sources are run).
import { Worker } from 'node:worker_threads';

/** Starts the module `./<name>` beside the module whose `import.meta.url` is `from`, in the same form (.js or .ts). */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  const fromSources = from.endsWith('.ts');
  const module = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, from);
  if (!fromSources) return new Worker(module, { workerData });
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData });
}
