// An inline message box for errors and warnings inside pages and dialogs.
import { clsx } from "clsx";
import { CircleAlert, Info } from "lucide-react";
import type { ReactNode } from "react";

export function Alert({
  tone = "error",
  title,
  children,
}: {
  tone?: "error" | "info" | "warning";
  title?: ReactNode;
  children?: ReactNode;
}) {
  const Icon = tone === "info" ? Info : CircleAlert;
  return (
    <div
      role={tone === "info" ? "note" : "alert"}
      className={clsx(
        "flex gap-2 rounded border px-3 py-2 text-sm",
        tone === "error" && "border-red-200 bg-red-50 text-red-900",
        tone === "warning" && "border-amber-200 bg-amber-50 text-amber-900",
        tone === "info" && "border-brand-100 bg-brand-50 text-slate-800",
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
