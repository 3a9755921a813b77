// The header's bell: the region's open alerts, polled every 15 s; a link to the alert list.
"use client";
import { clsx } from "clsx";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Region } from "@/lib/clusters/schemas";
import { useAlertSummary } from "./alerts-api";

export function AlertBell({ region }: { region: Region }) {
  const t = useTranslations("alerts.bell");
  const summary = useAlertSummary(region);
  const open = summary.data?.open ?? 0;
  return (
    <Link
      href={`/${region}/alerts`}
      aria-label={t("label", { count: open })}
      title={t("label", { count: open })}
      data-testid="alert-bell"
      data-count={summary.data ? open : undefined}
      className="relative inline-flex size-8 items-center justify-center rounded text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <Bell aria-hidden className="size-4" />
      {open > 0 ? (
        <span
          aria-hidden
          className={clsx(
            "absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white",
          )}
        >
          {open > 99 ? "99+" : open}
        </span>
      ) : null}
    </Link>
  );
}
