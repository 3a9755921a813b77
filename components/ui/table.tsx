// A data table frame: caption for screen readers, one header row, horizontal scroll when narrow.
import { clsx } from "clsx";
import type { ReactNode } from "react";

export type Column = { key: string; label: ReactNode; className?: string; srOnly?: boolean };

type TableFrameProps = { caption: string; columns: Column[]; busy?: boolean; minWidth?: string; children: ReactNode };

export function TableFrame({ caption, columns, busy, minWidth = "min-w-[48rem]", children }: TableFrameProps) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className={clsx("w-full border-collapse text-sm", minWidth)} aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={clsx("px-3 py-2 text-left align-bottom font-medium", c.className)}>
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

/** Row classes shared by the console's tables. */
export const ROW_CLASS = "border-b border-slate-200 bg-white align-top last:border-b-0 hover:bg-slate-50";
export const CELL_CLASS = "px-3 py-2";
