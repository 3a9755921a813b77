// The heading part shared by the proxy pages: which cluster, its address kind, the way back.
"use client";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AddressKindBadge } from "@/components/clusters/cluster-badges";
import { Skeleton } from "@/components/ui/skeleton";
import type { ClusterDto } from "@/lib/clusters/serialize";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="mb-2 inline-flex items-center gap-1 text-xs text-brand-700 underline-offset-2 hover:underline">
      <ChevronLeft aria-hidden className="size-3.5" />
      {children}
    </Link>
  );
}

/** "Cluster shanghai-vpc · proxy.sh.example.internal [Domain]" under a page title. */
export function ClusterLine({ cluster }: { cluster: ClusterDto | undefined }) {
  const t = useTranslations("proxies");
  if (!cluster) return <Skeleton className="h-4 w-72" />;
  return (
    <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <span>{t("clusterLabel")}</span>
      <span className="min-w-0 font-medium [overflow-wrap:anywhere] text-slate-900">{cluster.name}</span>
      <span aria-hidden>·</span>
      <span className="min-w-0 font-mono text-[13px] [overflow-wrap:anywhere]">{cluster.address}</span>
      <AddressKindBadge kind={cluster.addressKind} />
    </span>
  );
}
