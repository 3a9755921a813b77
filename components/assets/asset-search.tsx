// Search by hostname or IP; typing is debounced before the list (and the URL) follows.
"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Input } from "@/components/ui/field";

const DEBOUNCE_MS = 300;

export function AssetSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const t = useTranslations("assetList");
  const id = useId();
  const [value, setValue] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // The latest callback, so a parent re-render does not restart the debounce.
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });
  // Back/forward or "clear filters" changes q under us: follow it unless it is what we typed.
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
    <form role="search" onSubmit={(e) => e.preventDefault()} className="relative w-80 max-w-full">
      <label htmlFor={id} className="sr-only">
        {t("searchLabel")}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" />
      <Input
        id={id}
        type="search"
        value={value}
        maxLength={255}
        onChange={(e) => setValue(e.target.value)}
        placeholder={t("searchPlaceholder")}
        className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <button
          type="button"
          onClick={() => setValue("")}
          className="absolute top-1 right-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <X aria-hidden className="size-4" />
          <span className="sr-only">{t("clearSearch")}</span>
        </button>
      ) : null}
    </form>
  );
}
