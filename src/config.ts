// Settings from the environment and the command line, with their defaults.
import { resolve } from 'node:path';

export interface Config {
  corpusDir: string;
  indexDir: string;
  modelDir: string;
  port: number;
  host: string;
}

/** `--corpus DIR` wins over CORPUS_DIR. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0 && argv[i + 1]) return argv[i + 1];
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  const port = Number(flag('port') ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not ${env.PORT}`);
  return {
    corpusDir: resolve(flag('corpus') ?? env.CORPUS_DIR ?? 'seeds'),
    indexDir: resolve(flag('index') ?? env.INDEX_DIR ?? 'index'),
    modelDir: resolve(env.MODEL_DIR ?? 'models/BAAI/bge-small-zh-v1.5'),
    port,
    host: flag('host') ?? env.HOST ?? '127.0.0.1',
  };
}
