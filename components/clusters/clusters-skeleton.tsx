"use client";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import type { Region } from "@/lib/clusters/schemas";
import { ClustersTableFrame, COLUMN_KEYS, useRegionName } from "./clusters-table";

const WIDTHS = ["w-32", "w-40", "ml-auto w-8", "w-20", "w-16", "w-20", "ml-auto w-40"];

export function ClustersSkeleton({ region }: { region: Region }) {
  const t = useTranslations("clusters");
  return (
    <>
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <ClustersTableFrame caption={t("tableCaption", { region: useRegionName(region) })} busy>
        {[0, 1, 2, 3, 4].map((row) => (
          <tr key={row} className="border-b border-slate-200">
            {COLUMN_KEYS.map((key, i) => (
              <td key={key} className="px-3 py-3">
                <Skeleton className={`h-4 ${WIDTHS[i]}`} />
              </td>
            ))}
          </tr>
        ))}
      </ClustersTableFrame>
    </>
  );
}
