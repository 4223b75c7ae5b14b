// pdf.js is large: it is loaded the first time a deck is shown, never with the first page.
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

export interface Deck {
  pageCount: number;
  /** Draws a page to fit the box (CSS pixels), sharp on high-density screens; resolves once painted. */
  render(page: number, canvas: HTMLCanvasElement, box: { width: number; height: number }): Promise<void>;
  close(): void;
}

let loading: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

export async function openDeck(bytes: ArrayBuffer): Promise<Deck> {
  const lib = await pdfjs();
  const document: PDFDocumentProxy = await lib.getDocument({ data: new Uint8Array(bytes) }).promise;
  let running: RenderTask | null = null;
  return {
    pageCount: document.numPages,
    async render(pageNumber, canvas, box) {
      // A newer page (or size) wins over one still being drawn on the same canvas.
      running?.cancel();
      const page = await document.getPage(pageNumber);
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.max(0.05, Math.min(box.width / natural.width, box.height / natural.height));
      const density = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: fit * density });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / density)}px`;
      canvas.style.height = `${Math.floor(viewport.height / density)}px`;
      const task = page.render({ canvas, viewport });
      running = task;
      try {
        await task.promise;
      } finally {
        if (running === task) running = null;
      }
    },
    close() {
      running?.cancel();
      void document.destroy();
    },
  };
}

/** A cancelled render (a newer one replaced it) is not a failure worth showing. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}
