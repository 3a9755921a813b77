"use client";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Region } from "@/lib/clusters/schemas";
import { SECTION_ICONS, SECTIONS, sectionOf } from "./sections";

export function SideNav({ region }: { region: Region }) {
  const t = useTranslations("shell");
  const active = sectionOf(usePathname());
  return (
    <nav aria-label={t("mainNavLabel")} className="w-52 shrink-0 border-r border-slate-200 bg-slate-50 py-3">
      <ul className="space-y-0.5 px-2">
        {SECTIONS.map((section) => {
          const Icon = SECTION_ICONS[section];
          const current = section === active;
          return (
            <li key={section}>
              <Link
                href={`/${region}/${section}`}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "flex items-center gap-2 rounded px-2.5 py-1.5 text-sm whitespace-nowrap",
                  current ? "bg-brand-100 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-200/60",
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {t(`nav.${section}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
