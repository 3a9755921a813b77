// Region switch of the top bar (R1). Switching keeps the current section, not a cluster-specific
// subpage: a cluster belongs to exactly one region.
"use client";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { Region } from "@/lib/clusters/schemas";
import { REGION_COOKIE, REGIONS, sectionOf, writeCookie } from "./sections";

export function RegionSwitch({ region }: { region: Region }) {
  const t = useTranslations("shell");
  const section = sectionOf(usePathname());

  useEffect(() => writeCookie(REGION_COOKIE, region), [region]);

  return (
    <nav aria-label={t("regionLabel")} className="flex items-center gap-2">
      <span className="hidden text-xs text-slate-600 sm:inline">{t("regionLabel")}</span>
      <ul className="flex rounded border border-slate-300 bg-white p-0.5">
        {REGIONS.map((r) => (
          <li key={r}>
            <Link
              href={`/${r}/${section}`}
              aria-current={r === region ? "true" : undefined}
              className={clsx(
                "block rounded-sm px-2.5 py-1 text-xs font-medium",
                r === region ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(`regions.${r}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
