// Search by hostname or IP; typing is debounced before the list (and the URL) follows.
"use client";
import { useTranslations } from "next-intl";
import { SearchBox } from "@/components/ui/search-box";

export function AssetSearch({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const t = useTranslations("assetList");
  return (
    <SearchBox
      q={q}
      onSearch={onSearch}
      label={t("searchLabel")}
      placeholder={t("searchPlaceholder")}
      clearLabel={t("clearSearch")}
      maxLength={255}
    />
  );
}
