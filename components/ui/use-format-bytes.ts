// Byte counts as "1.2 MB" in the reader's number format. Binary steps with the short unit names
// the policy dialog uses for the cache cap (10 GB = 10 × 1024³ bytes).
"use client";
import { useFormatter } from "next-intl";
import { useCallback } from "react";

const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

export function byteScale(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = Math.max(0, bytes);
  let step = 0;
  while (value >= 1024 && step < UNITS.length - 1) {
    value /= 1024;
    step++;
  }
  return { value, unit: UNITS[step]! };
}

export function useFormatBytes() {
  const format = useFormatter();
  return useCallback(
    (bytes: number) => {
      const { value, unit } = byteScale(bytes);
      return `${format.number(value, { maximumFractionDigits: unit === "B" ? 0 : 1 })} ${unit}`;
    },
    [format],
  );
}
