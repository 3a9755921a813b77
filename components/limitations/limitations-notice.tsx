// What servers connected through a proxy cannot use (issue 7, item 3). The list lives in one
// data file with English and Japanese text (lib/planning/proxy-limitations.json), so it can be
// completed without a code change; shown in the install-command dialog and where clients connect.
"use client";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { PROXY_LIMITATIONS, type Limitation } from "@/lib/planning/limitations";

type Props = {
  /** Only some entries (by id), e.g. the cache-mode ones in the proxy settings; all by default. */
  only?: readonly string[];
  tone?: "info" | "warning";
};

export function LimitationsNotice({ only, tone = "info" }: Props) {
  const t = useTranslations("limitations");
  const locale = useLocale();
  const items: Limitation[] = only ? PROXY_LIMITATIONS.filter((l) => only.includes(l.id)) : PROXY_LIMITATIONS;
  if (items.length === 0) return null;
  return (
    <section aria-label={t("title")} data-testid="limitations-notice">
      <Alert tone={tone} title={t("title")}>
        <p>{t("intro")}</p>
        <ul className="list-disc space-y-0.5 pl-5">
          {items.map((item) => (
            <li key={item.id}>{locale === "ja" ? item.ja : item.en}</li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
