// Runs a command-line entry point: a failure prints one clear line and exits non-zero, no stack dump.
export function runCli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(`[xunyuan] error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  });
}
