// `npm run ask -- "问题"`: the answer and its sources in the terminal.
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { parseCommandLine } from './command-line.js';
import { runCli } from './run-cli.js';

/** The answering words in bold on a terminal (ANSI), in 【】 where output is not a terminal. */
function withPhrase(text: string, phrase: { start: number; end: number } | undefined): string {
  if (!phrase) return text;
  const [open, close] = process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['【', '】'];
  return text.slice(0, phrase.start) + open + text.slice(phrase.start, phrase.end) + close + text.slice(phrase.end);
}

runCli(async () => {
  const args = parseCommandLine(process.argv.slice(2));
  const question = args.positionals.join(' ').trim();
  if (!question) throw new Error('usage: npm run ask -- "冀南新区人民医院项目总投资多少?" [--corpus DIR] [--json]');
  const config = loadConfig();
  const engine = await AnswerEngine.open({ ...config, log: (l) => console.error(`[xunyuan] ${l}`) });
  const result = await engine.ask({ question });
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`问：${result.question}`);
  console.log(result.answer ? `答：${withPhrase(result.answer.text, result.answer.phrase)}\n    ${result.answer.url}` : `答：${result.message}`);
  result.passages.forEach((p, i) => {
    console.log(`\n[${i + 1}] ${p.title}  (score ${p.score.toFixed(3)} = keyword ${p.scores.keyword.toFixed(2)}, vector ${p.scores.vector.toFixed(3)})`);
    console.log(`    ${p.text.length > 160 ? p.text.slice(0, 160) + '…' : p.text}`);
    console.log(`    ${p.url}`);
  });
  console.log(`\n(${result.tookMs} ms)`);
});
