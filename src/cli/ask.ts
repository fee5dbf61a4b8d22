// `npm run ask -- "问题"`: the answer and its sources in the terminal.
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { citationOf, citationText } from '../chat/citation.js';
import { TOP_K } from '../limits.js';
import { parseCommandLine } from './command-line.js';
import { runCli } from './run-cli.js';
import { describeScores } from '../chat/score-parts.js';

/** The answering words in bold on a terminal (ANSI), in 【】 where output is not a terminal. */
function withPhrase(text: string, phrase: { start: number; end: number } | undefined): string {
  if (!phrase) return text;
  const [open, close] = process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['【', '】'];
  return text.slice(0, phrase.start) + open + text.slice(phrase.start, phrase.end) + close + text.slice(phrase.end);
}

const USAGE = `usage: npm run -s ask -- "问题" [options]

  --context "上一个问题"   read a short follow-up (那…呢?) with the question before it
  --top-k N               how many passages to show (${TOP_K.min}-${TOP_K.max}, default ${TOP_K.default})
  --doc ID                answer from this document only (ids: GET /api/documents)
  --json                  print the API's JSON (-s keeps npm's banner out of it)
  --corpus DIR, --index DIR, --uploads DIR   as for npm start
  --help                  this text`;

runCli(async () => {
  const args = parseCommandLine(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const question = args.positionals.join(' ').trim();
  if (!question) throw new Error(`no question given\n${USAGE}`);
  const topK = args['top-k'] === undefined ? undefined : Number(args['top-k']);
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= TOP_K.min && topK <= TOP_K.max)) {
    throw new Error(`--top-k must be a whole number from ${TOP_K.min} to ${TOP_K.max}, not ${args['top-k']}`);
  }
  const config = loadConfig();
  const engine = await AnswerEngine.open({ ...config, log: (l) => console.error(`[xunyuan] ${l}`) });
  if (args.doc !== undefined && !engine.document(args.doc)) throw new Error(`no document with id ${args.doc} (npm run -s ask -- --help)`);
  const result = await engine.ask({ question, topK, docId: args.doc, context: args.context });
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`问：${result.question}`);
  if (result.overview) {
    console.log(`答：${result.message}：`);
    for (const d of result.overview) {
      console.log(`\n《${d.title}》  ${d.url}`);
      for (const a of d.articles) console.log(`    ${a.title}  ${a.url}`);
    }
    return;
  }
  const top = result.passages[0];
  console.log(
    result.answer && top
      ? `答：${withPhrase(result.answer.text, result.answer.phrase)}\n——${citationText(citationOf(engine, top))}\n    ${result.answer.url}`
      : `答：${result.message}`,
  );
  result.passages.forEach((p, i) => {
    console.log(`\n[${i + 1}] ${p.title}  (score ${p.score.toFixed(3)}: ${describeScores(p.scores)})`);
    console.log(`    ${p.text.length > 160 ? p.text.slice(0, 160) + '…' : p.text}`);
    console.log(`    ${p.url}`);
  });
  console.log(`\n(${result.tookMs} ms)`);
});
