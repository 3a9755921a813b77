// The console's list table on @tanstack/react-table: column definitions, server-side sorting from
// the headers, row selection with checkboxes kept by the caller (it may span pages and filters),
// keyset "load more", and loading/empty/error states. The table scrolls with the page under a
// sticky header; it scrolls sideways on its own only while its container is narrower than the
// table (a scroll container would catch the sticky header). Its frame is positioned, so
// screen-reader-only text inside never stretches the document (issue 13 item 7).
"use client";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type Updater,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";
import { Skeleton } from "../skeleton";
import { LoadMore, SelectCheckbox, SortButton } from "./table-controls";

declare module "@tanstack/react-table" {
  // The augmentation must repeat the library's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Width and alignment of the column's header and cells. */
    className?: string;
    /** Cells of this column name the row (<th scope="row">). */
    rowHeader?: boolean;
    /** The first click sorts descending (e.g. newest first). */
    descFirst?: boolean;
  }
}

export type ServerSort = { id: string; desc: boolean };

export type TableSelection<T> = {
  selectedIds: ReadonlySet<string>;
  onChange: (change: { add: T[]; remove: string[] }) => void;
  /** Rows that cannot be selected; the table shows why in one of its columns. */
  isSelectable?: (row: T) => boolean;
  rowLabel: (row: T) => string;
};

type Props<T> = {
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns mix value types
  columns: ColumnDef<T, any>[];
  rows: T[] | undefined;
  getRowId: (row: T) => string;
  sort?: { value: ServerSort; onChange: (next: ServerSort) => void };
  selection?: TableSelection<T>;
  /** Shown in the body instead of rows: when loading failed, or when nothing matches. */
  error?: ReactNode;
  empty?: ReactNode;
  /** Rows of the previous filter are on screen while the new one loads. */
  stale?: boolean;
  pagination?: {
    hasMore: boolean;
    loadingMore: boolean;
    onLoadMore: () => void;
    /** How many rows the filter matches (from the first page); an estimate is said to be one. */
    total?: { total: number | null; totalIsEstimate: boolean };
  };
  /** Min-width of the table; below it the area scrolls sideways. */
  minWidth?: TableMinWidth;
  /** A bounded area with its own vertical scroll (e.g. a list inside a form), instead of the page. */
  maxHeight?: string;
};

/**
 * Each min-width with the container width from which the table fits (its width plus the frame's
 * border): from there the frame is no scroll container and the header sticks to the page.
 */
const MIN_WIDTHS = {
  "48rem": ["min-w-[48rem]", "@min-[48.25rem]:overflow-x-visible"],
  "60rem": ["min-w-[60rem]", "@min-[60.25rem]:overflow-x-visible"],
  "62rem": ["min-w-[62rem]", "@min-[62.25rem]:overflow-x-visible"],
  "64rem": ["min-w-[64rem]", "@min-[64.25rem]:overflow-x-visible"],
  "80rem": ["min-w-[80rem]", "@min-[80.25rem]:overflow-x-visible"],
} as const;
export type TableMinWidth = keyof typeof MIN_WIDTHS;

const SKELETON_ROWS = 6;

function resolve<V>(updater: Updater<V>, old: V): V {
  return typeof updater === "function" ? (updater as (old: V) => V)(old) : updater;
}

export function DataTable<T>(props: Props<T>) {
  const { caption, columns, rows, getRowId, sort, selection, error, empty, stale, pagination } = props;
  const t = useTranslations("dataTable");
  const format = useFormatter();
  const shownText = ({ hasMore, total }: NonNullable<Props<T>["pagination"]>, count: number) => {
    if (!hasMore) return t("shownAll", { count });
    if (total?.total == null) return t("shown", { count });
    const values = { count: format.number(count), total: format.number(total.total) };
    return total.totalIsEstimate ? t("shownOfEstimate", values) : t("shownOfTotal", values);
  };
  const data = useMemo(() => rows ?? [], [rows]);
  const rowSelection = useMemo<RowSelectionState>(
    () =>
      Object.fromEntries(
        data
          .map(getRowId)
          .filter((id) => selection?.selectedIds.has(id))
          .map((id) => [id, true]),
      ),
    [data, getRowId, selection?.selectedIds],
  );
  const allColumns = useMemo(
    () => (selection ? [selectColumn<T>(t("selectPage"), selection), ...columns] : columns),
    [columns, selection, t],
  );
  // The table instance is rebuilt from props every render; nothing here relies on memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns: allColumns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    // The server sorts; a column opts in with `enableSorting: true` and an id the API knows.
    manualSorting: true,
    defaultColumn: { enableSorting: false },
    state: { sorting: sort ? [sort.value] : [], rowSelection },
    enableRowSelection: (row) => selection?.isSelectable?.(row.original) ?? true,
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      const next = resolve(updater, rowSelection);
      const add = data.filter((row) => next[getRowId(row)] && !rowSelection[getRowId(row)]);
      const remove = data.map(getRowId).filter((id) => rowSelection[id] && !next[id]);
      if (add.length || remove.length) selection.onChange({ add, remove });
    },
  });
  const columnCount = allColumns.length;
  const loading = rows === undefined && !error;

  const [minWidthClass, fitsClass] = MIN_WIDTHS[props.minWidth ?? "48rem"];

  return (
    <>
      <div className="@container">
        <div
          role="region"
          aria-label={caption}
          tabIndex={0}
          className={clsx(
            "relative rounded-md border border-slate-200",
            props.maxHeight ? clsx("overflow-auto", props.maxHeight) : clsx("overflow-x-auto", fitsClass),
          )}
        >
          <table
            className={clsx("w-full border-separate border-spacing-0 text-sm", minWidthClass)}
            aria-busy={loading || stale || undefined}
          >
            <caption className="sr-only">{caption}</caption>
            <thead className="text-xs text-slate-600">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const meta = header.column.columnDef.meta;
                    const label = flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                        className={clsx(
                          "sticky top-0 z-10 bg-slate-50 px-3 py-2 text-left align-bottom font-medium whitespace-nowrap",
                          "shadow-[inset_0_-1px_0_var(--color-slate-200)]",
                          meta?.className,
                        )}
                      >
                        {sort && header.column.getCanSort() ? (
                          <SortButton
                            label={label}
                            sorted={sorted}
                            onClick={() =>
                              sort.onChange({ id: header.column.id, desc: sorted ? sorted === "asc" : Boolean(meta?.descFirst) })
                            }
                          />
                        ) : (
                          label
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className={clsx(stale && "opacity-60 transition-opacity")}>
              {loading ? (
                Array.from({ length: SKELETON_ROWS }, (_, i) => (
                  <tr key={i}>
                    {allColumns.map((column, c) => (
                      <td key={column.id ?? c} className="border-b border-slate-200 px-3 py-3">
                        <Skeleton className={c === 0 && selection ? "h-4 w-4" : "h-4 w-24"} />
                      </td>
                    ))}
                  </tr>
                ))
              ) : error || data.length === 0 ? (
                <tr>
                  <td colSpan={columnCount} className="px-3 py-2">
                    {error ?? empty}
                  </td>
                </tr>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    aria-selected={selection ? row.getIsSelected() : undefined}
                    className={clsx("align-top", row.getIsSelected() ? "bg-brand-50/60" : "bg-white hover:bg-slate-50")}
                  >
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta;
                      const Cell = meta?.rowHeader ? "th" : "td";
                      return (
                        <Cell
                          key={cell.id}
                          scope={meta?.rowHeader ? "row" : undefined}
                          className={clsx("border-b border-slate-200 px-3 py-2 text-left font-normal", meta?.className)}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </Cell>
                      );
                    })}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
      {pagination && data.length > 0 ? (
        <LoadMore
          shown={shownText(pagination, data.length)}
          hasMore={pagination.hasMore}
          loading={pagination.loadingMore}
          onLoadMore={pagination.onLoadMore}
          label={t("loadMore")}
          loadingLabel={t("loadingMore")}
        />
      ) : null}
    </>
  );
}

function selectColumn<T>(pageLabel: string, selection: TableSelection<T>): ColumnDef<T> {
  return {
    id: "select",
    enableSorting: false,
    meta: { className: "w-10" },
    header: ({ table }) => (
      <SelectCheckbox
        label={pageLabel}
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
      />
    ),
    cell: ({ row }) => (
      <SelectCheckbox
        label={selection.rowLabel(row.original)}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={(checked) => row.toggleSelected(checked)}
      />
    ),
  };
}
