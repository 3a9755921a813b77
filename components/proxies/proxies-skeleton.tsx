"use client";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { PROXY_COLUMNS, ProxiesTableFrame } from "./proxies-table";

const WIDTHS = ["w-40", "w-14", "w-16", "w-12", "w-20", "ml-auto w-24", "w-28", "w-14", "ml-auto w-6"];

export function ProxiesSkeleton() {
  const t = useTranslations("proxies");
  return (
    <>
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <ProxiesTableFrame caption={t("loading")} busy>
        {[0, 1, 2].map((row) => (
          <tr key={row} className="border-b border-slate-200">
            {PROXY_COLUMNS.map((key, i) => (
              <td key={key} className="px-3 py-3">
                <Skeleton className={`h-4 ${WIDTHS[i]}`} />
              </td>
            ))}
          </tr>
        ))}
      </ProxiesTableFrame>
    </>
  );
}
