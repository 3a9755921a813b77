// Status filter of the list (?status=): all, active, expired or revoked commands.
"use client";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { InstallCommandStatus } from "./install-command-api";

export const STATUSES = ["active", "expired", "revoked"] as const satisfies readonly InstallCommandStatus[];

type Props = { value: InstallCommandStatus | null; onChange: (status: InstallCommandStatus | null) => void };

export function StatusFilter({ value, onChange }: Props) {
  const t = useTranslations("installCommands");
  const options: { value: InstallCommandStatus | null; label: string }[] = [
    { value: null, label: t("filter.all") },
    ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
  ];
  return (
    <div role="group" aria-label={t("filter.label")} className="inline-flex rounded border border-slate-300 bg-white p-0.5">
      {options.map((option) => (
        <button
          key={option.value ?? "all"}
          type="button"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
          className={clsx(
            "h-7 rounded px-2.5 text-xs font-medium",
            value === option.value ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

export function parseStatus(raw: string | null): InstallCommandStatus | null {
  return STATUSES.find((s) => s === raw) ?? null;
}
