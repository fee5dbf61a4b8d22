// Pages in a reader's text: a paged format (PDF) ends every page with a form feed, as pdftotext does,
// on a line of its own so that it also ends the paragraph (and so that a one-page PDF has pages too).
// Any text file holding form feeds gets pages the same way.
export const PAGE_BREAK = '\f';

/** A paged document's text, page by page, each page ended by a page break. */
export class PageWriter {
  text = '';
  private anyText = false;

  /** Where the next page's text will start. */
  get length(): number {
    return this.text.length;
  }

  /** True while no page has held any text. */
  get empty(): boolean {
    return !this.anyText;
  }

  add(page: string): void {
    this.text += `${page}\n${PAGE_BREAK}\n`;
    this.anyText ||= page.trim() !== '';
  }
}

/** The 1-based page of each offset in `text`, or undefined for all when the text has no pages. */
export function pageFinder(text: string): ((offset: number) => number) | undefined {
  const breaks: number[] = [];
  for (let i = text.indexOf(PAGE_BREAK); i >= 0; i = text.indexOf(PAGE_BREAK, i + 1)) breaks.push(i);
  if (breaks.length === 0) return undefined;
  return (offset) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}
