// The cluster list's capacity-use indicator (R13): a small meter and the percentage, warning from
// 80% in words and an icon as well as color.
"use client";
import { TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ClusterDto } from "@/lib/clusters/serialize";
import { CAPACITY_WARNING_SHARE } from "@/lib/proxies/capacity";

type Props = { cluster: Pick<ClusterDto, "name" | "capacity" | "capacityUse" | "clientCount"> };

export function CapacityMeter({ cluster }: Props) {
  const t = useTranslations("planning.meter");
  const format = useFormatter();
  const noCapacity = cluster.capacity === 0;
  const warning = !noCapacity && cluster.capacityUse >= CAPACITY_WARNING_SHARE;
  const percent = format.number(cluster.capacityUse, { style: "percent", maximumFractionDigits: 0 });
  const over = !noCapacity && cluster.capacityUse > 1;
  const text = noCapacity ? t("noCapacity") : warning ? `${percent} · ${t(over ? "over" : "warning")}` : percent;
  return (
    <div className="mt-1 flex items-center justify-end gap-1.5 text-xs" data-testid="capacity-meter">
      <div className="w-12 shrink-0">
        <ProgressBar
          label={t("label", { name: cluster.name })}
          value={cluster.clientCount}
          max={cluster.capacity}
          valueText={text}
          tone={noCapacity || cluster.capacityUse >= 1 ? "danger" : warning ? "warning" : "brand"}
        />
      </div>
      <span
        className={
          warning ? "flex items-center gap-0.5 font-medium whitespace-nowrap text-amber-800" : "whitespace-nowrap text-slate-600"
        }
      >
        {warning ? <TriangleAlert aria-hidden className="size-3" /> : null}
        {text}
      </span>
    </div>
  );
}
