// The interactive pieces of a data table header and body: a sort button, a selection checkbox
// (with the "some selected" state), and the keyset "load more" footer.
"use client";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "../button";
import { Spinner } from "../spinner";

export function SortButton({
  label,
  sorted,
  onClick,
}: {
  label: ReactNode;
  sorted: false | "asc" | "desc";
  onClick: () => void;
}) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onClick}
      className={clsx(
        "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 font-medium hover:bg-slate-200/70 hover:text-slate-900",
        sorted && "text-slate-900",
      )}
    >
      {label}
      <Icon aria-hidden className={clsx("size-3.5", !sorted && "text-slate-400")} />
    </button>
  );
}

type CheckboxProps = {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
};

export function SelectCheckbox({ label, checked, indeterminate = false, disabled, onChange, describedBy }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  // "Some rows selected" has no HTML attribute: it is a DOM property only.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      aria-describedby={describedBy}
      checked={checked}
      disabled={disabled}
      onChange={(event) => onChange(event.target.checked)}
      className="size-4 cursor-pointer rounded border-slate-400 accent-brand-600 align-middle disabled:cursor-not-allowed disabled:opacity-40"
    />
  );
}

type LoadMoreProps = {
  shown: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label: string;
  loadingLabel: string;
};

export function LoadMore({ shown, hasMore, loading, onLoadMore, label, loadingLabel }: LoadMoreProps) {
  return (
    <div className="mt-2 flex items-center gap-3 text-xs text-slate-600">
      <p aria-live="polite">{shown}</p>
      {hasMore ? (
        <Button size="sm" onClick={onLoadMore} disabled={loading} className="ml-auto">
          {loading ? <Spinner className="size-3.5" /> : null}
          {loading ? loadingLabel : label}
        </Button>
      ) : null}
    </div>
  );
}
