// A past moment as "12 seconds ago", re-rendered every second so a heartbeat age stays true;
// the absolute time is in the title and the machine-readable dateTime.
"use client";
import { useFormatter, useNow } from "next-intl";

export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  const at = new Date(value);
  // A browser clock slightly behind the server's must not show a heartbeat "in 2 seconds".
  const shown = at.getTime() > now.getTime() ? now : at;
  return (
    <time dateTime={value} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })} className={className}>
      {format.relativeTime(shown, now)}
    </time>
  );
}
