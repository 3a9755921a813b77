// One step of the guided deletion (SPEC screen 9): number, title, state in words, and either
// what it does or what blocks it.
"use client";
import { clsx } from "clsx";
import { CircleCheck, CircleDashed, CirclePlay } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

export type StepState = "done" | "ready" | "blocked";

type Props = { n: number; title: string; state: StepState; reason?: string; children?: ReactNode };

export function DeleteStep({ n, title, state, reason, children }: Props) {
  const t = useTranslations("guidedDelete");
  const Icon = state === "done" ? CircleCheck : state === "ready" ? CirclePlay : CircleDashed;
  return (
    <li
      aria-label={`${t("stepLabel", { n })}: ${title}`}
      data-step={n}
      data-state={state}
      className={clsx("rounded-md border bg-white px-4 py-3", state === "ready" ? "border-brand-600" : "border-slate-200")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-500">{t("stepLabel", { n })}</span>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        <Badge tone={state === "done" ? "success" : state === "ready" ? "info" : "muted"}>
          <Icon aria-hidden className="size-3.5" />
          {t(state)}
        </Badge>
      </div>
      {reason ? <p className="mt-1 text-sm text-slate-600">{reason}</p> : null}
      {children ? <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div> : null}
    </li>
  );
}
