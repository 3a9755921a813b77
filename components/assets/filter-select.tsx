// One labelled filter of a list toolbar: a native select (keyboard and screen readers for free).
"use client";
import { clsx } from "clsx";
import { useId } from "react";

type Option = { value: string; label: string };

type Props = {
  label: string;
  allLabel: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
};

export function FilterSelect({ label, allLabel, value, options, onChange }: Props) {
  const id = useId();
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs whitespace-nowrap text-slate-600">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className={clsx(
          "h-8 max-w-44 rounded border bg-white px-1.5 text-sm",
          value ? "border-brand-600 text-slate-900" : "border-slate-300 text-slate-700",
        )}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
