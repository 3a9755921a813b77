// A page that is not built yet says so plainly — no placeholder data.
import { Construction } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Region } from "@/lib/clusters/schemas";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "./page-header";
import type { Section } from "./sections";

type ComingSoonProps = {
  region: Region;
  /** A left-navigation section, or "clients" for the connected-clients list of one cluster. */
  page: Exclude<Section, "clusters"> | "clients";
};

export async function ComingSoon({ region, page }: ComingSoonProps) {
  const [t, title] = await Promise.all([getTranslations(), comingSoonTitle(page)]);
  return (
    <>
      <PageHeader title={title} />
      <section aria-labelledby="coming-soon" className="max-w-2xl rounded-md border border-dashed border-slate-300 p-6">
        <div className="flex items-center gap-2">
          <Construction aria-hidden className="size-5 text-slate-500" />
          <h2 id="coming-soon" className="font-medium">
            <Badge tone="warning">{t("comingSoon.badge")}</Badge>
          </h2>
        </div>
        <p className="mt-3 text-slate-700">{t(`comingSoon.sections.${page}`)}</p>
        <p className="mt-2 text-slate-600">{t("comingSoon.body")}</p>
        {page === "clients" ? (
          <Link href={`/${region}/clusters`} className="mt-4 inline-block text-brand-700 underline underline-offset-2">
            {t("comingSoon.backToClusters")}
          </Link>
        ) : null}
      </section>
    </>
  );
}

/** Page title of a not-yet-built page, e.g. "Assets · Proxy Access Console". */
export async function comingSoonTitle(page: ComingSoonProps["page"]) {
  const t = await getTranslations();
  return page === "clients" ? t("comingSoon.clientsTitle") : t(`shell.nav.${page}`);
}
