// Why a row of the picker can or cannot be selected, in words next to its checkbox.
"use client";
import { ArrowRightLeft, CircleCheck, CircleMinus, Server } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Eligibility } from "./eligibility";

export function EligibilityCell({ value }: { value: Eligibility }) {
  const t = useTranslations("clientAccess.eligibility");
  if (value.selectable) {
    if (!value.moveFrom) return <span className="text-slate-600">{t("ready")}</span>;
    return (
      <div className="space-y-0.5">
        <Badge tone="info">
          <ArrowRightLeft aria-hidden className="size-3.5" />
          {t("willMove")}
        </Badge>
        <p className="text-xs text-slate-600">{t("willMoveFrom", { name: value.moveFrom.name })}</p>
      </div>
    );
  }
  const Icon = value.reason === "here" ? CircleCheck : value.reason === "proxy" ? Server : CircleMinus;
  return (
    <div className="space-y-0.5">
      <Badge tone={value.reason === "here" ? "success" : value.reason === "proxy" ? "warning" : "muted"}>
        <Icon aria-hidden className="size-3.5" />
        {t(`${value.reason}.label`)}
      </Badge>
      <p className="text-xs text-slate-600">{t(`${value.reason}.why`)}</p>
    </div>
  );
}
