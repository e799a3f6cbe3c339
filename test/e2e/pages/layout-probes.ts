import type { Locator, Page } from '@playwright/test';

/*
 * Measurements made in the page. These files are typed for Node (no DOM library), so the few DOM
 * shapes the probes touch are declared here; each probe is self-contained, as Playwright sends its
 * source to the browser.
 */
interface Box {
  left: number;
  right: number;
  top: number;
  width: number;
}
interface El {
  scrollWidth: number;
  clientWidth: number;
  clientHeight: number;
  className: string;
  tagName: string;
  textContent: string | null;
  firstChild: unknown;
  getBoundingClientRect(): Box;
  querySelector(selector: string): El | null;
  closest(selector: string): El | null;
}
interface Win {
  document: { scrollingElement: El; querySelectorAll(selector: string): ArrayLike<El>; createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<Box> } };
  innerWidth: number;
  getComputedStyle(el: El): { fontSize: string; overflowX: string };
}

/** How far the document scrolls sideways (≤ 0 when it fits), and every panel or list that does. */
export function horizontalOverflow(page: Page): Promise<{ document: number; panels: string[] }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const root = w.document.scrollingElement;
    const panels: string[] = [];
    // Editors scroll long lines by design; everything else must fit.
    for (const el of Array.from(w.document.querySelectorAll('main, [role="tabpanel"], section, .table-scroll, .event-list, .split-left, .split-right, .webhook-left, .webhook-right'))) {
      if (el.closest('.monaco-editor, .code-editor')) continue;
      const overflowX = w.getComputedStyle(el).overflowX;
      if (el.scrollWidth > el.clientWidth + 1 && overflowX !== 'hidden' && overflowX !== 'clip') panels.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return { document: root.scrollWidth - w.innerWidth, panels };
  });
}

/** An event row's type: its text, whether it is readable (fits, or 9+ characters show), inside the row, and tall enough for underscores. */
export function rowTypeProbe(row: Locator): Promise<{ text: string; readable: boolean; inside: boolean; underscoresShow: boolean }> {
  return row.evaluate((node) => {
    const w = globalThis as unknown as Win;
    const rowEl = node as unknown as El;
    const typeEl = rowEl.querySelector('.event-type') as El;
    const box = typeEl.getBoundingClientRect();
    const rowBox = rowEl.getBoundingClientRect();
    const fontSize = parseFloat(w.getComputedStyle(typeEl).fontSize);
    return {
      text: typeEl.textContent ?? '',
      readable: typeEl.scrollWidth <= typeEl.clientWidth + 1 || box.width >= 9 * fontSize * 0.55,
      inside: box.left >= rowBox.left && box.right <= rowBox.right + 1,
      underscoresShow: typeEl.clientHeight >= fontSize * 1.35,
    };
  });
}

/** Whether an element's line box is tall enough for monospace underscores. */
export function roomForUnderscores(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    const w = globalThis as unknown as Win;
    const e = node as unknown as El;
    return e.clientHeight >= parseFloat(w.getComputedStyle(e).fontSize) * 1.35;
  });
}

/** On how many lines an element's first text runs. */
export function textLines(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const w = globalThis as unknown as Win;
    const range = w.document.createRange();
    range.selectNodeContents((node as unknown as El).firstChild);
    return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
  });
}
