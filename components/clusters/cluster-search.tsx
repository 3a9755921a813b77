// Search box of the cluster list (?q=, merged with the other list parameters); typing is debounced.
"use client";
import { useTranslations } from "next-intl";
import { SearchBox } from "@/components/ui/search-box";

export function ClusterSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const t = useTranslations("clusters");
  return (
    <SearchBox
      q={q}
      onSearch={onSearch}
      label={t("searchLabel")}
      placeholder={t("searchPlaceholder")}
      clearLabel={t("clearSearch")}
      maxLength={64}
      className="w-96"
    />
  );
}
