// A page's list state (filters, sort, search) in its URL, updated through one merge: every change
// merges into the newest state, the one last written until the router's params have caught up
// with it, then the router's. Merging into the params of the last render let two quick picks, or
// a debounced search landing between them, overwrite each other; the router only ever ends on the
// last replace, so that one must hold every change (issue 13 item 8). Changes replace the history
// entry (no back-button trail).
"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

type Merge<P> = (search: string, patch: P) => string;

export function useSearchState<S, P>(read: (params: URLSearchParams) => S, merge: Merge<P>): [S, (patch: P) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const current = params.toString();
  const state = useMemo(() => read(new URLSearchParams(current)), [read, current]);
  const rendered = useRef(current);
  const written = useRef<string | null>(null);
  useEffect(() => {
    rendered.current = current;
    if (written.current === current) written.current = null;
  }, [current]);
  const update = useCallback(
    (patch: P) => {
      const base = written.current ?? rendered.current;
      const next = merge(base, patch);
      if (next === base) return;
      written.current = next;
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [merge, router, pathname],
  );
  return [state, update];
}
