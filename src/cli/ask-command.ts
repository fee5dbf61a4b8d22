// `npm run ask -- "问题"`: the answer and its sources in the terminal. `askCommand` is the whole
// command, given its arguments and where to write, so tests run it in-process; `ask.ts` runs it.
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { citationOf, citationText } from '../chat/citation.js';
import { TOP_K } from '../limits.js';
import { parseCommandLine } from './command-line.js';
import type { Embedder } from '../search/embed/embedder.js';
import { describeScores } from '../chat/score-parts.js';
import { scopeFromPicker } from '../chat/scope-picker.js';
import { overviewLabel } from '../search/answer/overview.js';

/** The answering words in bold on a terminal (ANSI), in 【】 where output is not a terminal. */
function withPhrase(text: string, phrase: { start: number; end: number } | undefined, tty: boolean): string {
  if (!phrase) return text;
  const [open, close] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['【', '】'];
  return text.slice(0, phrase.start) + open + text.slice(phrase.start, phrase.end) + close + text.slice(phrase.end);
}

const USAGE = `usage: npm run -s ask -- "问题" [options]

  --context "上一个问题"   read a short follow-up (那…呢?) with the question before it
  --top-k N               how many passages to show (${TOP_K.min}-${TOP_K.max}, default ${TOP_K.default})
  --scope NAME            answer only from a folder (laws, reports/2026, @uploads) or one document (its title or id)
  --doc ID                answer from this document only (ids: GET /api/documents)
  --json                  print the API's JSON (-s keeps npm's banner out of it)
  --corpus DIR, --index DIR, --uploads DIR   as for npm start
  --help                  this text`;

export interface CommandIo {
  /** One line of the command's output. */
  out(line: string): void;
  /** One line of progress or log. */
  log(line: string): void;
  /** Output goes to a terminal: the phrase is marked in colour rather than in 【】. */
  tty: boolean;
  /** A model already loaded (tests share one); otherwise the configured model is loaded. */
  embedder?: Embedder;
}

/** Runs `npm run ask` with `argv`; a bad argument or a failure rejects with the reason. */
export async function askCommand(argv: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const args = parseCommandLine(argv);
  if (args.help) {
    io.out(USAGE);
    return;
  }
  const question = args.positionals.join(' ').trim();
  if (!question) throw new Error(`no question given\n${USAGE}`);
  const topK = args['top-k'] === undefined ? undefined : Number(args['top-k']);
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= TOP_K.min && topK <= TOP_K.max)) {
    throw new Error(`--top-k must be a whole number from ${TOP_K.min} to ${TOP_K.max}, not ${args['top-k']}`);
  }
  const config = loadConfig(argv, env);
  const engine = await AnswerEngine.open({ ...config, log: (l) => io.log(`[xunyuan] ${l}`), ...(io.embedder ? { embedder: io.embedder } : {}) });
  if (args.doc !== undefined && !engine.document(args.doc)) throw new Error(`no document with id ${args.doc} (npm run -s ask -- --help)`);
  const scope = args.scope === undefined ? {} : scopeFromPicker(engine, args.scope);
  if (!scope) throw new Error(`--scope ${args.scope} names no folder or document (folders and documents: GET /api/documents)`);
  const result = await engine.ask({ question, topK, docId: args.doc, ...scope, context: args.context });
  if (args.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`问：${result.question}`);
  if (result.overview) {
    io.out(`答：${result.message}：`);
    for (const d of result.overview) {
      io.out(`\n${overviewLabel(d)}  ${d.url}`);
      for (const a of d.articles) io.out(`    ${a.title}  ${a.url}`);
    }
    return;
  }
  const top = result.passages[0];
  io.out(
    result.answer && top
      ? `答：${withPhrase(result.answer.text, result.answer.phrase, io.tty)}\n——${citationText(citationOf(engine, top))}\n    ${result.answer.url}`
      : `答：${result.message}`,
  );
  result.passages.forEach((p, i) => {
    io.out(`\n[${i + 1}] ${p.title}  (score ${p.score.toFixed(3)}: ${describeScores(p.scores)})`);
    io.out(`    ${p.text.length > 160 ? p.text.slice(0, 160) + '…' : p.text}`);
    io.out(`    ${p.url}`);
  });
  io.out(`\n(${result.tookMs} ms)`);
}
