// How the benches start a process that serves an index: as `npm start` does (scripts/run-compiled.mjs),
// with garbage collection exposed for the collection after an index loads, young-generation semi-spaces
// of 8 MB instead of 16 (a question allocates little, and V8 keeps the larger space resident: the 10×
// Orama server's peak 448–450 → 429–433 MB), and glibc held to two malloc arenas, so the memory they
// measure is the memory a user's server takes.
export const SERVING_NODE_ARGS = ['--expose-gc', '--max-semi-space-size=8'];

export const servingEnv = (): NodeJS.ProcessEnv => ({ ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' });
