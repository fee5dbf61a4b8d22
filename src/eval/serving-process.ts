// How the benches start a process that serves an index: as `npm start` does (scripts/run-compiled.mjs),
// with garbage collection exposed for the collection after an index loads, young-generation semi-spaces
// of up to 32 MB, and glibc held to two malloc arenas, so the memory they measure is the memory a
// user's server takes. The semi-spaces were 8 MB to keep the server small (10× Orama server's peak
// 448–450 → 429–433 MB against 16 MB); under 32 connections of uncached questions that made a
// scavenge every 30–90 ms taking 5–15 ms each (`--trace-gc`), as every question in flight survives
// it, and /healthz's p99 went over 50 ms in 2 of 12 ten-second rounds (median 38 ms) against 0 of 12
// (median 18 ms) with 32 MB, which also answered more questions a second (BENCHMARKS.md "Twelfth
// session").
export const SERVING_NODE_ARGS = ['--expose-gc', '--max-semi-space-size=32'];

export const servingEnv = (): NodeJS.ProcessEnv => ({ ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' });
