// The command line of every entry point, parsed by Node's own util.parseArgs: `--corpus DIR` takes a
// value, `--json` and `--watch` take none, anything else is refused with the list of options.
import { parseArgs } from 'node:util';

const OPTIONS = {
  corpus: { type: 'string' },
  uploads: { type: 'string' },
  index: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  watch: { type: 'boolean' },
  replica: { type: 'boolean' },
  json: { type: 'boolean' },
  context: { type: 'string' },
  'top-k': { type: 'string' },
  doc: { type: 'string' },
  scope: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommandLine {
  corpus?: string;
  uploads?: string;
  index?: string;
  port?: string;
  host?: string;
  watch: boolean;
  /** Serve the index a writer keeps in the index folder, following its new builds (`serve` only). */
  replica: boolean;
  json: boolean;
  /** For `ask`: the previous question of a conversation. */
  context?: string;
  /** For `ask`: how many passages to show. */
  'top-k'?: string;
  /** For `ask`: only this document. */
  doc?: string;
  /** For `ask`: only this folder or document (a folder path, a title or an id). */
  scope?: string;
  help: boolean;
  /** Words that are not options: the question, for `ask`. */
  positionals: string[];
}

export function parseCommandLine(argv: string[]): CommandLine {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { ...values, watch: values.watch ?? false, replica: values.replica ?? false, json: values.json ?? false, help: values.help ?? false, positionals };
  } catch (err) {
    const known = Object.entries(OPTIONS).map(([name, o]) => (o.type === 'string' ? `--${name} VALUE` : `--${name}`));
    throw new Error(`${(err as Error).message} (options: ${known.join(', ')})`);
  }
}
