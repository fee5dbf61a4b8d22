// How long one page may take an OCR engine before it is taken for stuck, shared by the engines.

/** One page takes Tesseract 2–10 s on this project's machines (PP-OCR 5-10 s); one that takes minutes is stuck. */
export const OCR_PAGE_TIME_LIMIT_MS = 180_000;

/** `work`'s result, or, past OCR_PAGE_TIME_LIMIT_MS, `stop` run (ending the stuck engine) and the page refused. */
export async function withinPageTime<T>(work: Promise<T>, stop: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), OCR_PAGE_TIME_LIMIT_MS);
  });
  try {
    const done = await Promise.race([work, late]);
    if (done !== 'late') return done;
  } finally {
    clearTimeout(timer);
  }
  await stop();
  throw new Error(`OCR took longer than ${OCR_PAGE_TIME_LIMIT_MS / 1000} s on one page`);
}
