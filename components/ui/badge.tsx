// Small labelled badges; the tone adds color, the text always carries the meaning.
import { clsx } from "clsx";
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "muted" | "info" | "warning";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  success: "bg-green-50 text-green-800 ring-green-600/30",
  muted: "bg-slate-50 text-slate-600 ring-slate-300",
  info: "bg-brand-50 text-brand-700 ring-brand-600/30",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/30",
};

export function Badge({ tone = "neutral", title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={clsx(
        "inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
      )}
    >
      {children}
    </span>
  );
}
