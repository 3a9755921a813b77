// Step 2: stop each proxy (R8), each after the Stop proxy confirmation (issue 13). Stop asks the
// running proxy to exit on its next heartbeat; it shows "stopping" until then, and the status
// follows the heartbeats (polled), so "offline" appears by itself, whoever stopped it.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ProxyActionDialog, type ActionTarget } from "@/components/proxies/proxy-action-dialog";
import { ProxyStatusBadge } from "@/components/proxies/proxy-badges";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { RunningProxiesNote } from "@/components/proxies/stop-command-note";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = {
  region: Region;
  cluster: { id: string; name: string; clientCount: number };
  proxies: ProxyDto[];
  gate: RoleGate;
};

export function StopStep({ region, cluster, proxies, gate }: Props) {
  const t = useTranslations("guidedDelete.stop");
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const running = proxies.filter((p) => !p.canDelete);
  const clients = cluster.clientCount;
  const state = running.length === 0 ? "done" : clients > 0 ? "blocked" : "ready";
  const reason =
    state === "done" ? (proxies.length === 0 ? t("none") : t("doneText")) : state === "blocked" ? t("blockedClients") : undefined;
  return (
    <DeleteStep n={2} title={t("title")} state={state} reason={reason}>
      {proxies.length > 0 ? (
        <>
          {state !== "done" ? <p>{t("body")}</p> : null}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200">
            {proxies.map((proxy) => (
              <li key={proxy.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-proxy={proxy.asset.hostname}>
                <span className="font-medium [overflow-wrap:anywhere] text-slate-900">{proxy.asset.hostname}</span>
                <span className="font-mono text-xs text-slate-600">{proxy.asset.ips[0]}</span>
                <ProxyStatusBadge proxy={proxy} />
                {proxy.canDelete ? null : proxy.status === "stopping" ? (
                  <span role="status" className="flex items-center gap-1.5 text-xs text-slate-600">
                    <Spinner />
                    {t("requested")}
                  </span>
                ) : (
                  <GatedButton
                    gate={gate}
                    size="sm"
                    className="ml-auto"
                    disabled={state !== "ready"}
                    onClick={() => setTarget({ action: "stop", proxy })}
                  >
                    {t("action", { host: proxy.asset.hostname })}
                  </GatedButton>
                )}
              </li>
            ))}
          </ul>
          {state !== "done" ? <RunningProxiesNote proxies={running} /> : null}
        </>
      ) : null}
      <ProxyActionDialog
        region={region}
        clusterId={cluster.id}
        cluster={cluster}
        proxies={proxies}
        latestVersion={null}
        target={target}
        onClose={() => setTarget(null)}
      />
    </DeleteStep>
  );
}
