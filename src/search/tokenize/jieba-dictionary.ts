// Loads jieba with a trimmed dictionary. nodejs-jieba builds its dictionary twice (segmenter and
// TextRank extractor), each as a trie of per-character hash maps: the full 349k-word dictionary costs
// ~250 MB resident, a third of the serving budget. Words jieba saw fewer than MIN_WORD_FREQUENCY times
// are dropped (136k words remain, ~100 MB); a dropped word is cut into its parts at index and query
// time alike, so it still matches. The keyword extractor's IDF table is never used: it gets one line.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DICT, load } from 'nodejs-jieba';

export const MIN_WORD_FREQUENCY = 5;

function writeOnce(name: string, content: () => string): string {
  const path = join(tmpdir(), name);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, content());
    renameSync(partial, path);
  }
  return path;
}

/** Named by the source dictionary's size and time, so start-up reads the 5 MB file only to write the copy. */
function trimmedDictionary(): string {
  const { size, mtimeMs } = statSync(DEFAULT_DICT);
  return writeOnce(`xunyuan-jieba-${size}-${Math.round(mtimeMs)}-f${MIN_WORD_FREQUENCY}.utf8`, () =>
    readFileSync(DEFAULT_DICT, 'utf8')
      .split('\n')
      .filter((line) => Number(line.split(' ')[1]) >= MIN_WORD_FREQUENCY)
      .join('\n'),
  );
}

/** jieba's tags for a person's name and for a place. */
const NAME_KIND: Record<string, 'person' | 'place'> = { nr: 'person', nrfg: 'person', nrt: 'person', ns: 'place', nsf: 'place' };

/** What the tokenizer and the name finder look up in the dictionary themselves. */
interface DictionaryWords {
  shortWords: Set<string>;
  names: Map<string, 'person' | 'place'>;
}

let loaded = false;
let words: DictionaryWords | undefined;

/** One pass over the trimmed dictionary's lines (word, frequency, part-of-speech tag). */
function readWords(): DictionaryWords {
  const shortWords = new Set<string>();
  const names = new Map<string, 'person' | 'place'>();
  for (const line of readFileSync(trimmedDictionary(), 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word.length === 2 || word.length === 3) shortWords.add(word);
    if (NAME_KIND[tag]) names.set(word, NAME_KIND[tag]);
  }
  return { shortWords, names };
}

/**
 * Loads the trimmed dictionary, and reads the words looked up here from it, the first time it is
 * called; later calls do nothing. A server calls it before it listens: read on the first question that
 * needed them (0.13 s for the short words, 0.24 s with the names, here), they held that question and
 * /healthz (`npm run bench:load`, one connection: /healthz p99 182 and 188 ms).
 */
export function ensureJiebaLoaded(): void {
  if (loaded) return;
  load({ dict: trimmedDictionary(), idfDict: writeOnce('xunyuan-jieba-idf-unused.utf8', () => '的 1.0\n') });
  words = readWords();
  loaded = true;
}

/**
 * The dictionary's words of two and three characters: the parts jieba's search mode looks for inside a
 * longer word. Kept here so the tokenizer finds them with a lookup instead of a second call into jieba.
 */
export function dictionaryShortWords(): ReadonlySet<string> {
  ensureJiebaLoaded();
  return words!.shortWords;
}

/** The dictionary's words tagged as a person's name or a place (35,500 of its 136,000), by kind. */
export function dictionaryNames(): ReadonlyMap<string, 'person' | 'place'> {
  ensureJiebaLoaded();
  return words!.names;
}

/** Part of the index fingerprint: a different dictionary segments differently. */
export const TOKENIZER_ID = `jieba-min-frequency-${MIN_WORD_FREQUENCY}-search-mode-article-numbers`;
