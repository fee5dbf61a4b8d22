// Work that runs while the server is answering (a re-index in watch mode or after an upload) is cut
// into steps with a turn of the event loop between them, so no request waits for the whole of it.
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The longest a background loop holds the event loop before it takes a turn. */
const TURN_EVERY_MS = 20;

/**
 * For a long loop whose steps vary in cost (a document's records may be 1 KB or 1 MB, so a count of
 * steps between turns held the loop for 0.1 to 1 s): `await turn()` after each step takes a turn of the
 * event loop once TURN_EVERY_MS have passed since the last, and costs a clock reading otherwise.
 */
export function turnTaker(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < TURN_EVERY_MS) return undefined;
    return nextTurn().then(() => {
      last = performance.now();
    });
  };
}
