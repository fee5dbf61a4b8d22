// `npm run bench:load`: drives a real server over loopback with autocannon at concurrency 1, 8 and 32
// (LOAD_SECONDS each, default 20), then a soak (SOAK_SECONDS, default 120) at concurrency 8 that
// samples the server's RSS. Questions: the seed question set (hits) and off-topic ones (misses). The
// levels run three ways: with the query-vector cache off (every request embeds its question) on two
// servers at once, one batching the questions that arrive together into one model call and one not,
// driven alternately level by level; then with the cache on (the default; the mix repeats, as real
// traffic does). Meanwhile /healthz is asked every 50 ms: its p99 says whether the server still answers
// at once while the model and the answers keep it busy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runCli } from '../cli/run-cli.js';
import { OFF_TOPIC_QUESTIONS } from './off-topic-questions.js';
import seedQuestions from './seed-questions.json' with { type: 'json' };
import { freePort } from '../server/free-port.js';
import { SERVING_NODE_ARGS, servingEnv } from './serving-process.js';

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const WARM_UP_SECONDS = 20;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function drive(url: string, connections: number, duration: number) {
  const bodies = [...seedQuestions.map((q) => q.question), ...OFF_TOPIC_QUESTIONS].map((question) => JSON.stringify({ question }));
  return autocannon({
    url: `${url}/api/ask`,
    connections,
    duration,
    requests: bodies.map((body) => ({ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, body })),
  });
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...SERVING_NODE_ARGS, fileURLToPath(new URL('../cli/serve.js', import.meta.url)), '--port', String(port)], {
    env: { ...servingEnv(), LOG_REQUESTS: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Healthy and complete: a first start answers by keyword before its vectors are all computed.
  const ready = async () => {
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    return res?.status === 200 && ((await res.json()) as { indexing?: unknown }).indexing === undefined;
  };
  for (let i = 0; !(await ready()); i++) {
    if (i > 1200) throw new Error('the server did not become healthy within 2 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, server };
}

/** How long /healthz takes, asked every 50 ms while `work` runs: whether the server still answers at once under load. */
async function healthWhile<T>(url: string, work: Promise<T>): Promise<{ result: T; healthP99: number }> {
  const times: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${url}/healthz`).catch(() => undefined);
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work;
  done = true;
  await probing;
  const sorted = times.sort((a, b) => a - b);
  return { result, healthP99: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0 };
}

interface Row {
  connections: number;
  result: autocannon.Result;
  healthP99: number;
}

const table = (label: string, rows: Row[]) =>
  `\n${label}\n| connections | requests/s | p50 ms | p99 ms | errors | non-2xx | /healthz p99 ms |\n|---|---|---|---|---|---|---|\n` +
  rows
    .map(({ connections, result: r, healthP99 }) => `| ${connections} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts} | ${r.non2xx} | ${healthP99.toFixed(0)} |`)
    .join('\n');

/** Each server in turn at each level: noise that drifts over the run hits both alike. */
async function alternating(servers: { label: string; env: Record<string, string> }[]): Promise<void> {
  // One after another: the first may bring the index up to date, and an index folder takes one writer.
  const started: Awaited<ReturnType<typeof startServer>>[] = [];
  for (const s of servers) started.push(await startServer(s.env));
  const rows: Row[][] = servers.map(() => []);
  try {
    for (const connections of [1, 8, 32]) {
      for (const [i, { url }] of started.entries()) rows[i].push({ connections, ...(await healthWhile(url, drive(url, connections, LOAD_SECONDS))) });
    }
  } finally {
    for (const { server } of started) server.kill('SIGTERM');
  }
  servers.forEach((s, i) => console.log(table(s.label, rows[i])));
  if (servers.length === 2) {
    const ratio = (k: number) => rows[1][k].result.requests.average / rows[0][k].result.requests.average;
    console.log(`\n${servers[1].label} ÷ ${servers[0].label}, requests/s: ${[0, 1, 2].map((k) => `${[1, 8, 32][k]} conn ${ratio(k).toFixed(2)}×`).join(', ')}`);
  }
}

runCli(async () => {
  await alternating([
    { label: 'cache off, batching off (QUERY_BATCHING=0)', env: { QUERY_CACHE_SIZE: '0', QUERY_BATCHING: '0' } },
    { label: 'cache off, batching on (the default)', env: { QUERY_CACHE_SIZE: '0' } },
  ]);
  await alternating([{ label: 'query-vector cache on (default)', env: {} }]);
  const { url, server } = await startServer({});
  try {
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(server.pid!)), 1000);
    const soak = await drive(url, 8, SOAK_SECONDS);
    clearInterval(sampler);
    const warm = samples[Math.min(WARM_UP_SECONDS, samples.length - 1)];
    const last = samples[samples.length - 1];
    console.log(
      `\nsoak ${SOAK_SECONDS} s at 8 connections: ${soak.requests.total} requests, ${soak.errors + soak.timeouts} errors, ${soak.non2xx} non-2xx; ` +
        `RSS ${warm.toFixed(0)} MB after ${WARM_UP_SECONDS} s warm-up → ${last.toFixed(0)} MB at the end (${(((last - warm) / warm) * 100).toFixed(1)}%), peak ${Math.max(...samples).toFixed(0)} MB`,
    );
  } finally {
    server.kill('SIGTERM');
  }
});
