// Settings LanceDB's native library reads from the environment when it loads: imported before it, and
// only where the user has not set them.
import { availableParallelism } from 'node:os';

// Its full-text index build runs one worker per core on a thread pool as large as the number of cores
// and then waits on the pool for more work: on a 2-core machine it waits forever (measured here: the
// index of 8,000 CMRC passages never finished with the default, and took 1 s with 8 threads).
process.env.LANCE_CPU_THREADS ??= String(Math.max(8, 2 * availableParallelism()));
// Warnings such as "no existing dataset, it will be created" say nothing a user needs.
process.env.LANCEDB_LOG ??= 'error';
