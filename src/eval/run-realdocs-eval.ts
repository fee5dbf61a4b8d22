// `npm run eval:realdocs`: the real-document development set alone (`realdocs-eval.ts`); EVAL_VERBOSE=1
// lists every miss.
import { runCli } from '../cli/run-cli.js';
import { evalRealdocs } from './realdocs-eval.js';

runCli(() => evalRealdocs(undefined, process.env.EVAL_VERBOSE === '1'));
