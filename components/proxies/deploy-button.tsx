// "Deploy proxy": a link to the deploy panel, or a disabled button with the reason (R4, role).
"use client";
import { Rocket } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";
import { ipClusterFull } from "./deploy-availability";

type Props = { region: Region; cluster: ClusterDto | undefined; proxyCount: number | undefined; roleReason: string | undefined };

export function DeployButton({ region, cluster, proxyCount, roleReason }: Props) {
  const t = useTranslations("proxies");
  const reasonId = useId();
  if (!cluster || proxyCount === undefined) return null;
  const reason = roleReason ?? (ipClusterFull(cluster, proxyCount) ? t("deployBlockedIp") : null);
  const icon = <Rocket aria-hidden className="size-4" />;
  if (!reason)
    return (
      <Link href={`/${region}/clusters/${cluster.id}/proxies/deploy`} className={buttonClass("primary")}>
        {icon}
        {t("deploy")}
      </Link>
    );
  return (
    <span className="flex max-w-xs flex-col items-end gap-1">
      <Button variant="primary" disabled aria-describedby={reasonId}>
        {icon}
        {t("deploy")}
      </Button>
      <span id={reasonId} className="text-right text-xs text-slate-600">
        {reason}
      </span>
    </span>
  );
}
