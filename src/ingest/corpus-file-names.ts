// Which names in a folder belong to the corpus. Kept apart from the format readers so that the folder
// snapshot, which runs in a worker thread of its own, can tell without loading every format's library.
import { extname } from 'node:path';

/** Hidden files and folders are never read. */
export const isHiddenName = (name: string) => name.startsWith('.');

/** A test for corpus file names: not hidden, and with one of `extensions` (lower-case, with the dot). */
export const corpusFileNameTest =
  (extensions: readonly string[]) =>
  (name: string): boolean =>
    !isHiddenName(name) && extensions.includes(extname(name).toLowerCase());
