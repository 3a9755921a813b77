// Seconds until the next batch may start (R12), ticking every second on the browser clock from
// the server's own answer — the window endpoint's, or a refusal's Retry-After if that is later
// (install-command registrations can open a window between two looks). At zero the window is read again.
"use client";
import { useNow } from "next-intl";
import { useEffect } from "react";
import { useBatchWindow } from "../use-cluster-data";

export function useBatchCountdown(clusterId: string, refusedUntil = 0) {
  const window = useBatchWindow(clusterId);
  const now = useNow({ updateInterval: 1_000 });
  const allowedAt = Math.max(window.data?.allowedAt ?? 0, refusedUntil);
  const { refetch } = window;
  useEffect(() => {
    const wait = allowedAt - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => void refetch(), wait + 250);
    return () => clearTimeout(timer);
  }, [allowedAt, refetch]);
  const remaining = window.data ? Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000)) : null;
  return { window: window.data, remaining, error: window.error };
}
