// Step 3: delete the proxy servers, one request each (R8: refused while online, so the step
// waits), after a confirmation that names them and what stays on each server (issue 13).
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import type { ProxyDto } from "@/components/proxies/proxy-api";
import { useProxyActions } from "@/components/proxies/use-proxy-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = {
  region: Region;
  cluster: { id: string; name: string; clientCount: number };
  proxies: ProxyDto[];
  gate: RoleGate;
};

export function ProxiesStep({ region, cluster, proxies, gate }: Props) {
  const t = useTranslations("guidedDelete.proxies");
  const { remove } = useProxyActions(region, cluster.id);
  const [confirming, setConfirming] = useState<ProxyDto[] | null>(null);
  const [busy, setBusy] = useState(false);
  const online = proxies.filter((p) => !p.canDelete).length;
  const state = proxies.length === 0 ? "done" : online > 0 || cluster.clientCount > 0 ? "blocked" : "ready";
  const run = async (doomed: ProxyDto[]) => {
    setBusy(true);
    try {
      for (const proxy of doomed) await remove.mutateAsync({ id: proxy.id });
      toast.success(t("deleted", { count: doomed.length }));
      setConfirming(null);
    } catch {
      // Shown in the dialog from remove.error; the list refreshes, so a retry deletes what is left.
    } finally {
      setBusy(false);
    }
  };
  const reason =
    state === "done"
      ? t("doneText")
      : state === "blocked"
        ? online > 0
          ? t("blockedOnline", { count: online })
          : t("blockedClients")
        : undefined;
  return (
    <DeleteStep n={3} title={t("title")} state={state} reason={reason}>
      {state === "ready" ? (
        <>
          <p>{t("body", { count: proxies.length })}</p>
          <GatedButton gate={gate} variant="danger" size="sm" onClick={() => setConfirming(proxies)}>
            {t("action", { count: proxies.length })}
          </GatedButton>
        </>
      ) : null}
      <ConfirmDialog
        subject={confirming}
        title={t("confirmTitle")}
        busy={busy}
        label={t("action", { count: confirming?.length ?? 0 })}
        busyLabel={t("submitting")}
        onClose={() => {
          remove.reset();
          setConfirming(null);
        }}
        onConfirm={(doomed) => void run(doomed)}
      >
        {(doomed) => <ProxiesConsequences clusterName={cluster.name} proxies={doomed} error={remove.error} />}
      </ConfirmDialog>
    </DeleteStep>
  );
}

function ProxiesConsequences({ clusterName, proxies, error }: { clusterName: string; proxies: ProxyDto[]; error: Error | null }) {
  const t = useTranslations("guidedDelete.proxies");
  const quick = proxies.filter((p) => p.mode === "quick").length;
  const manual = proxies.length - quick;
  return (
    <>
      <p className="text-slate-800 [overflow-wrap:anywhere]">
        {t("confirm", { count: proxies.length, name: clusterName, hosts: proxies.map((p) => p.asset.hostname).join(", ") })}
      </p>
      <p className="text-slate-600">{t("body", { count: proxies.length })}</p>
      <ul className="list-disc space-y-1 pl-5 text-slate-600">
        {quick > 0 ? <li>{t("quick", { count: quick })}</li> : null}
        {manual > 0 ? <li>{t("manual", { count: manual })}</li> : null}
      </ul>
      {error ? <ApiErrorAlert error={error} /> : null}
    </>
  );
}
