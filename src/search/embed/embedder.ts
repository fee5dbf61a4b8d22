// Sentence embeddings with bge-small-zh-v1.5 through Transformers.js, on the CPU, from local files only.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';

/** bge's instruction for short queries against passages; passages get none. */
export const QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

export class ModelError extends Error {}

export interface Embedder {
  /** Identifies the model's weights: an index built with another model is rebuilt. */
  fingerprint: string;
  dimensions: number;
  /** Several questions in one model call (the query batcher's), each with bge's query prefix. */
  embedQueries(questions: string[]): Promise<number[][]>;
  embedPassages(texts: string[]): Promise<number[][]>;
  /**
   * The model runs on a thread of its own (a worker): it embeds while the caller goes on working, so a
   * build sends it passages as it finds them. Otherwise a call runs on the caller's thread.
   */
  readonly apart?: boolean;
  /**
   * For a model run elsewhere (a worker thread): stops it once the requests in flight are answered. A
   * process that exits while the model runs aborts in onnxruntime's native code instead of exiting.
   */
  close?(): Promise<void>;
}

/** How onnxruntime runs the model; the defaults are what the project runs with. */
export interface ModelSettings {
  /**
   * onnxruntime's CPU memory arena; on unless told. With one passage a model call it was the fastest
   * way to run the model (`npm run bench:batch`: 33.3 against 32.0 passages/s) and a CMRC dev build
   * took 32.8 s and peaked at 452 MB against 35.9 s and 638 MB without it (BENCHMARKS.md "Eighth
   * session"). It was off while the build sent batches of 8, whose buffers it kept for good.
   */
  memoryArena?: boolean;
  /** Threads within one model call; onnxruntime's default is one a core. */
  threads?: number;
}

export async function loadEmbedder(modelDir: string, settings: ModelSettings = {}): Promise<Embedder> {
  const dir = resolve(modelDir);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new ModelError(
      `embedding model not found in ${dir} (missing ${missing.join(', ')}). ` +
        'Run `npm install` to fetch it, or set MODEL_DIR to a Transformers.js model folder.',
    );
  }
  const hash = createHash('sha256');
  for (const f of REQUIRED_FILES) hash.update(readFileSync(join(dir, f)));
  const fingerprint = hash.digest('hex').slice(0, 16);

  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dirname(dir) + '/';
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', basename(dir), {
      dtype: 'q8',
      device: 'cpu',
      session_options: { enableCpuMemArena: settings.memoryArena ?? true, ...(settings.threads ? { intraOpNumThreads: settings.threads } : {}) },
    });
  } catch (err) {
    throw new ModelError(
      `embedding model in ${dir} could not be loaded (${(err as Error).message.split('\n')[0]}). ` +
        'Delete the folder and run `npm install` again, or set MODEL_DIR to a working model.',
    );
  }
  const dimensions = Number((extractor.model.config as unknown as { hidden_size?: number }).hidden_size ?? 512);

  const embed = async (texts: string[]): Promise<number[][]> => {
    const output = await extractor(texts, { pooling: 'cls', normalize: true });
    return output.tolist() as number[][];
  };
  return {
    fingerprint,
    dimensions,
    embedQueries: (questions) => embed(questions.map((q) => QUERY_PREFIX + q)),
    embedPassages: embed,
  };
}
