// "Select all matching": walks every keyset page of the filter (500 rows a request) and selects
// the eligible rows, with progress and a way to stop. Ineligible rows are counted, not selected.
"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { listAssets } from "@/components/assets/asset-api";
import type { AssetListQuery } from "@/components/assets/asset-filter-params";
import type { Region } from "@/lib/clusters/schemas";
import { eligibility, picked, type PickedAsset } from "./eligibility";

/** A connect job takes at most this many servers (lib/clients/connect-jobs.ts). */
export const MAX_SELECTION = 100_000;
const PAGE = 500;

export type SelectAllProgress = {
  running: boolean;
  checked: number;
  added: number;
  skipped: number;
  capped: boolean;
  stopped: boolean;
  error: unknown;
};

export function useSelectAllMatching(
  region: Region,
  clusterId: string,
  add: (rows: PickedAsset[]) => void,
  selectedCount: number,
) {
  const [progress, setProgress] = useState<SelectAllProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (query: AssetListQuery) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const state: SelectAllProgress = {
        running: true,
        checked: 0,
        added: 0,
        skipped: 0,
        capped: false,
        stopped: false,
        error: null,
      };
      setProgress({ ...state });
      let cursor: string | undefined;
      let room = MAX_SELECTION - selectedCount;
      try {
        do {
          const page = await listAssets(region, { ...query, order: "asc" }, { cursor, limit: PAGE }, abort.signal);
          const eligible = page.items.filter((asset) => eligibility(asset, clusterId).selectable);
          const taken = eligible.slice(0, Math.max(0, room));
          room -= taken.length;
          add(taken.map(picked));
          state.checked += page.items.length;
          state.added += taken.length;
          state.skipped += page.items.length - eligible.length;
          state.capped = taken.length < eligible.length;
          cursor = page.nextCursor ?? undefined;
          setProgress({ ...state });
        } while (cursor && !state.capped && !abort.signal.aborted);
      } catch (error) {
        if ((error as Error).name !== "AbortError") state.error = error;
      }
      setProgress({ ...state, running: false, stopped: abort.signal.aborted });
    },
    [region, clusterId, add, selectedCount],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setProgress(null), []);
  return { progress, run, stop, dismiss };
}
