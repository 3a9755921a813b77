// Step 3: delete the proxy servers, one request each (R8: refused while online, so the step waits).
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { useProxyActions } from "@/components/proxies/use-proxy-actions";
import { Spinner } from "@/components/ui/spinner";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = { region: Region; clusterId: string; proxies: ProxyDto[]; gate: RoleGate };

export function ProxiesStep({ region, clusterId, proxies, gate }: Props) {
  const t = useTranslations("guidedDelete.proxies");
  const { remove } = useProxyActions(region, clusterId);
  const [busy, setBusy] = useState(false);
  const online = proxies.filter((p) => !p.canDelete).length;
  const state = proxies.length === 0 ? "done" : online > 0 ? "blocked" : "ready";
  const run = async () => {
    setBusy(true);
    try {
      for (const proxy of proxies) await remove.mutateAsync(proxy.id);
      toast.success(t("deleted", { count: proxies.length }));
    } catch {
      // Shown below from remove.error; the list refreshes, so a retry deletes what is left.
    } finally {
      setBusy(false);
    }
  };
  const reason = state === "done" ? t("doneText") : state === "blocked" ? t("blockedOnline", { count: online }) : undefined;
  return (
    <DeleteStep n={3} title={t("title")} state={state} reason={reason}>
      {state === "ready" ? (
        <>
          <p>{t("body", { count: proxies.length })}</p>
          <GatedButton gate={gate} variant="danger" size="sm" onClick={() => void run()} disabled={busy}>
            {busy ? <Spinner /> : null}
            {t("action", { count: proxies.length })}
          </GatedButton>
        </>
      ) : null}
      {remove.error && !busy ? <ApiErrorAlert error={remove.error} /> : null}
    </DeleteStep>
  );
}
