// `npm run ask -- "问题"`: runs the command (`ask-command.ts`) on this process's arguments and terminal.
import { askCommand } from './ask-command.js';
import { runCli } from './run-cli.js';

runCli(() => askCommand(process.argv.slice(2), { out: (line) => console.log(line), log: (line) => console.error(line), tty: process.stdout.isTTY === true }));
