// One measured phase of `npm run bench`, in its own process so that its peak memory is its own.
import { resolve } from 'node:path';
import { AnswerEngine } from '../answer-engine.js';
import { loadConfig } from '../config.js';
import seedQuestions from './seed-questions.json' with { type: 'json' };

const [phase, indexDir] = process.argv.slice(2);
const { modelDir } = loadConfig([]);
const corpusDir = resolve(process.env.BENCH_CORPUS ?? 'seeds');
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

if (phase === 'build') {
  const started = performance.now();
  const engine = await AnswerEngine.open({ corpusDir, indexDir, modelDir, rebuild: true });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ passages: engine.passageCount, buildSeconds: seconds, passagesPerSecond: engine.passageCount / seconds, peakRssMb: peakMb() }));
} else {
  const started = performance.now();
  // Cache off: the latency measured includes embedding every query.
  const engine = await AnswerEngine.open({ corpusDir, indexDir, modelDir, queryCacheSize: 0 });
  const loadSeconds = (performance.now() - started) / 1000;
  const questions = seedQuestions.map((q) => q.question);
  for (const q of questions) await engine.ask({ question: q });
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of questions) {
      const t = performance.now();
      await engine.ask({ question: q });
      times.push(performance.now() - t);
    }
  }
  console.log(JSON.stringify({ loadSeconds, rebuilt: engine.built, queries: times.length, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), peakRssMb: peakMb() }));
}
