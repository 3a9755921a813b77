// A data table frame: caption for screen readers, one header row, horizontal scroll when narrow.
import { clsx } from "clsx";
import type { ReactNode } from "react";

export type Column = {
  key: string;
  label: ReactNode;
  className?: string;
  srOnly?: boolean;
  align?: "left" | "right";
  /** The column the rows are sorted by, for screen readers. */
  sorted?: "ascending" | "descending";
};

type TableFrameProps = {
  caption: string;
  columns: Column[];
  busy?: boolean;
  minWidth?: string;
  /** Compact header cells, for one-line rows (e.g. the audit log). */
  dense?: boolean;
  children: ReactNode;
};

export function TableFrame({ caption, columns, busy, minWidth = "min-w-[48rem]", dense, children }: TableFrameProps) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200">
      <table className={clsx("w-full border-collapse text-sm", minWidth)} aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sorted}
                className={clsx(
                  dense ? "px-2 py-1.5 align-bottom font-medium" : "px-3 py-2 align-bottom font-medium",
                  c.align === "right" ? "text-right" : "text-left",
                  c.className,
                )}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Columns named by keys: the label from the catalog, "actions" for screen readers only. */
export function keyedColumns<K extends string>(
  keys: readonly K[],
  label: (key: K) => ReactNode,
  classes: Record<K, string>,
  rightAligned: readonly K[] = [],
): Column[] {
  return keys.map((key) => ({
    key,
    label: label(key),
    className: classes[key],
    srOnly: key === "actions",
    align: rightAligned.includes(key) ? "right" : "left",
  }));
}

/** Row classes shared by the console's tables. */
export const ROW_CLASS = "border-b border-slate-200 bg-white align-top last:border-b-0 hover:bg-slate-50";
export const CELL_CLASS = "px-3 py-2";
