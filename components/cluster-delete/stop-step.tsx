// Step 2: stop each proxy (R8). Stop asks the running proxy to exit on its next heartbeat; the
// status follows the heartbeats (polled), so "offline" appears by itself, whoever stopped it.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { ProxyStatusBadge } from "@/components/proxies/proxy-badges";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { StopCommandBlock } from "@/components/proxies/stop-command-note";
import { useProxyActions } from "@/components/proxies/use-proxy-actions";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = { region: Region; clusterId: string; proxies: ProxyDto[]; clients: number; gate: RoleGate };

export function StopStep({ region, clusterId, proxies, clients, gate }: Props) {
  const t = useTranslations("guidedDelete.stop");
  const { stop } = useProxyActions(region, clusterId);
  const [requested, setRequested] = useState<ReadonlySet<string>>(new Set());
  const running = proxies.filter((p) => !p.canDelete);
  const state = running.length === 0 ? "done" : clients > 0 ? "blocked" : "ready";
  const reason =
    state === "done" ? (proxies.length === 0 ? t("none") : t("doneText")) : state === "blocked" ? t("blockedClients") : undefined;
  const request = (id: string) => stop.mutate(id, { onSuccess: () => setRequested((previous) => new Set(previous).add(id)) });
  return (
    <DeleteStep n={2} title={t("title")} state={state} reason={reason}>
      {proxies.length > 0 ? (
        <>
          {state !== "done" ? <p>{t("body")}</p> : null}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200">
            {proxies.map((proxy) => (
              <li key={proxy.id} className="flex flex-wrap items-center gap-3 px-3 py-2" data-proxy={proxy.asset.hostname}>
                <span className="font-medium text-slate-900">{proxy.asset.hostname}</span>
                <span className="font-mono text-xs text-slate-600">{proxy.asset.ips[0]}</span>
                <ProxyStatusBadge proxy={proxy} />
                {proxy.canDelete ? null : requested.has(proxy.id) ? (
                  <span role="status" className="flex items-center gap-1.5 text-xs text-slate-600">
                    <Spinner />
                    {t("requested")}
                  </span>
                ) : (
                  <GatedButton
                    gate={gate}
                    size="sm"
                    className="ml-auto"
                    disabled={state !== "ready" || stop.isPending}
                    onClick={() => request(proxy.id)}
                  >
                    {t("action", { host: proxy.asset.hostname })}
                  </GatedButton>
                )}
              </li>
            ))}
          </ul>
          {stop.error ? <ApiErrorAlert error={stop.error} /> : null}
          {state !== "done" ? (
            <div className="space-y-1">
              <p className="text-xs text-slate-600">{t("manual")}</p>
              <StopCommandBlock />
            </div>
          ) : null}
        </>
      ) : null}
    </DeleteStep>
  );
}
