// A search box that debounces typing before `onSearch`, and follows `q` when it changes under
// it (back/forward, "clear filters") unless that is what the user typed. Labels come from the
// feature's catalog.
"use client";
import { Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Input } from "@/components/ui/field";

const DEBOUNCE_MS = 300;

type Props = {
  q: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
  maxLength: number;
  className?: string;
};

export function SearchBox({ q, onSearch, label, placeholder, clearLabel, maxLength, className = "w-80" }: Props) {
  const id = useId();
  const [value, setValue] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // The latest callback, so a parent re-render does not restart the debounce.
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });
  if (q !== seenQ) {
    setSeenQ(q);
    if (value.trim() !== q) setValue(q);
  }

  useEffect(() => {
    const next = value.trim();
    if (next === q) return;
    const timer = setTimeout(() => search.current(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, q]);

  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} className={`relative max-w-full ${className}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" />
      <Input
        id={id}
        type="search"
        value={value}
        maxLength={maxLength}
        onChange={(e) => setValue(e.target.value)}
        placeholder={placeholder}
        className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <button
          type="button"
          onClick={() => setValue("")}
          className="absolute top-1 right-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <X aria-hidden className="size-4" />
          <span className="sr-only">{clearLabel}</span>
        </button>
      ) : null}
    </form>
  );
}
