// The asset filters, sort and search of a list page live in the URL: a filtered list survives a
// reload and can be shared. Changing them replaces the history entry (no back-button trail).
"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filterParams, readAssetQuery, type AssetListQuery } from "./asset-filter-params";

export function useAssetQuery(): [AssetListQuery, (patch: Partial<AssetListQuery>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = useMemo(() => readAssetQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<AssetListQuery>) => {
      const next = filterParams({ ...query, ...patch }).toString();
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [query, router, pathname],
  );
  return [query, update];
}
