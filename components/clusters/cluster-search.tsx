// Search box bound to ?q= so a search survives reloads and can be shared; typing is debounced.
"use client";
import { Search, X } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/field";

const DEBOUNCE_MS = 300;

export function ClusterSearch({ q }: { q: string }) {
  const t = useTranslations("clusters");
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // Back/forward changes ?q= under us: follow it unless it is what we typed.
  if (q !== seenQ) {
    setSeenQ(q);
    if (value.trim() !== q) setValue(q);
  }

  useEffect(() => {
    const next = value.trim();
    if (next === q) return;
    const timer = setTimeout(() => router.replace(next ? `${pathname}?q=${encodeURIComponent(next)}` : pathname), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, q, pathname, router]);

  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} className="relative w-96 max-w-full">
      <label htmlFor="cluster-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-slate-500" />
      <Input
        id="cluster-search"
        type="search"
        value={value}
        maxLength={64}
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
