// Search box bound to ?q= so a search survives reloads and can be shared; typing is debounced.
"use client";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SearchBox } from "@/components/ui/search-box";

export function ClusterSearch({ q }: { q: string }) {
  const t = useTranslations("clusters");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <SearchBox
      q={q}
      onSearch={(next) => router.replace(next ? `${pathname}?q=${encodeURIComponent(next)}` : pathname)}
      label={t("searchLabel")}
      placeholder={t("searchPlaceholder")}
      clearLabel={t("clearSearch")}
      maxLength={64}
      className="w-96"
    />
  );
}
