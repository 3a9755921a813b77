import { clsx } from "clsx";

export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden className={clsx("block animate-pulse rounded bg-slate-200", className)} />;
}
