// A selection that outlives the rows on screen: kept by id across pages, filters and "select all
// matching", with each selected row's data (the access panel needs hostnames and clusters).
"use client";
import { useCallback, useMemo, useState } from "react";

export function useRowSelection<T>(getId: (row: T) => string) {
  const [selected, setSelected] = useState<ReadonlyMap<string, T>>(() => new Map());
  const ids = useMemo(() => new Set(selected.keys()) as ReadonlySet<string>, [selected]);
  const change = useCallback(
    ({ add = [], remove = [] }: { add?: readonly T[]; remove?: readonly string[] }) =>
      setSelected((previous) => {
        const next = new Map(previous);
        for (const id of remove) next.delete(id);
        for (const row of add) next.set(getId(row), row);
        return next;
      }),
    [getId],
  );
  const clear = useCallback(() => setSelected(new Map()), []);
  return { selected, ids, size: selected.size, change, clear };
}

export type RowSelection<T> = ReturnType<typeof useRowSelection<T>>;
