// R4 explained live while typing: an IP address allows one proxy server, a domain several.
"use client";
import { Globe, Server } from "lucide-react";
import { useTranslations } from "next-intl";
import { classifyAddress, isIpAddressKind } from "@/lib/clusters/address";

export function AddressHint({ address }: { address: string }) {
  const t = useTranslations("createCluster");
  const check = address.trim() ? classifyAddress(address) : null;
  const kind = check?.ok ? check.kind : null;
  const Icon = kind === "domain" ? Globe : Server;
  return (
    <p
      aria-live="polite"
      className="flex gap-1.5 rounded bg-slate-50 px-2 py-1.5 text-xs text-slate-700"
      data-testid="address-kind-hint"
    >
      {kind ? <Icon aria-hidden className="mt-px size-3.5 shrink-0 text-slate-500" /> : null}
      <span>{kind === null ? t("addressRule") : isIpAddressKind(kind) ? t("addressIp") : t("addressDomain")}</span>
    </p>
  );
}
