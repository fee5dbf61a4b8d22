// How the benches start a process that serves an index: as `npm start` does (scripts/run-compiled.mjs),
// with garbage collection exposed for the collection after an index loads, and glibc held to two malloc
// arenas, so the memory they measure is the memory a user's server takes.
export const SERVING_NODE_ARGS = ['--expose-gc'];

export const servingEnv = (): NodeJS.ProcessEnv => ({ ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' });
