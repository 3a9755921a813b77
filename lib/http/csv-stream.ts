// A CSV response body produced page by page as the client reads it (csv-stringify), so an export
// of any size never sits in memory: the header first, then one chunk per page of rows. Excel
// needs the byte-order mark to read UTF-8.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

export function csvStream<T>(
  header: readonly string[],
  toRow: (item: T) => CsvCell[],
  first: IteratorResult<T[]>,
  rest: AsyncGenerator<T[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<T[]> | null = first;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + stringify([header])));
    },
    async pull(controller) {
      const next = pending ?? (await rest.next());
      pending = null;
      if (next.done) return controller.close();
      if (next.value.length) controller.enqueue(encoder.encode(stringify(next.value.map(toRow))));
    },
    async cancel() {
      await rest.return(undefined);
    },
  });
}

/** The headers of a CSV download. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  };
}
