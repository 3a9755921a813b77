// The frame of every region page: skip link, top bar (product, region, language, user), left navigation.
import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AlertBell } from "@/components/alerts/alert-bell";
import { UserMenu } from "@/components/auth/user-menu";
import type { Region } from "@/lib/clusters/schemas";
import { LanguageSwitch } from "./language-switch";
import { RegionSwitch } from "./region-switch";
import { SideNav } from "./side-nav";

export async function AppShell({ region, children }: { region: Region; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("shell.skipToContent")}
      </a>
      <header className="flex h-12 shrink-0 items-center gap-6 border-b border-slate-200 bg-white px-4">
        <Link href={`/${region}/clusters`} aria-label={t("shell.home")} className="flex items-center gap-2 font-semibold">
          <ShieldCheck aria-hidden className="size-5 text-brand-600" />
          <span>{t("meta.productName")}</span>
        </Link>
        <RegionSwitch region={region} />
        <div className="ml-auto flex items-center gap-3">
          <AlertBell region={region} />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className="flex flex-1">
        <SideNav region={region} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-6 py-5 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
