// Work that runs while the server is answering (a re-index in watch mode or after an upload) is cut
// into steps with a turn of the event loop between them, so no request waits for the whole of it.
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
