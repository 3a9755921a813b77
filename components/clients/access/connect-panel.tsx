// The selection and what can be done with it: one batch of up to 500 (R12) once the window
// allows it, or — beyond 500 — a paced connect job. Every refusal comes back with its numbers.
"use client";
import { Link2, Waves, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { RowSelection } from "@/components/ui/data-table/use-row-selection";
import { ApiError } from "@/lib/api-client/api-error";
import { headroom } from "@/lib/policy/headroom";
import { BATCH_SIZE, type ClusterUsage } from "../client-api";
import { useConnectClients, useCreateConnectJob } from "../use-client-mutations";
import { ConnectErrorAlert } from "./connect-error";
import type { PickedAsset } from "./eligibility";
import { SelectionStats } from "./selection-stats";
import { useBatchCountdown } from "./use-batch-countdown";

type Props = {
  cluster: { id: string; name: string };
  selection: RowSelection<PickedAsset>;
  usage: ClusterUsage | undefined;
  gate: RoleGate;
  jobRunning: boolean;
};

/** When a BATCH_INTERVAL refusal (429) says the next batch is allowed, on the browser clock. */
function refusedUntil(error: unknown, submittedAt: number): number {
  if (!(error instanceof ApiError) || error.code !== "BATCH_INTERVAL") return 0;
  return submittedAt + Number((error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 0) * 1000;
}

export function ConnectPanel({ cluster, selection, usage, gate, jobRunning }: Props) {
  const t = useTranslations("clientAccess");
  const format = useFormatter();
  const connect = useConnectClients(cluster.id);
  const { window, remaining } = useBatchCountdown(cluster.id, refusedUntil(connect.error, connect.submittedAt));
  const createJob = useCreateConnectJob(cluster.id);
  const batchSize = window?.batchSize ?? BATCH_SIZE;
  const interval = window?.intervalSeconds ?? 60;
  const count = selection.size;
  const paced = count > batchSize;
  const waves = Math.ceil(count / batchSize);
  const moves = [...selection.selected.values()].filter((a) => a.cluster).length;
  const busy = connect.isPending || createJob.isPending;
  const limit = usage?.bandwidthLimitKbps ?? null;
  // R17 as the server checks it: what the clients after this selection need against 60% of the limit.
  const bandwidth = usage && limit ? headroom(usage.clients + count, limit) : null;

  const blocked =
    count === 0
      ? t("connect.nothingSelected")
      : jobRunning
        ? t("connect.jobRunning")
        : !paced && remaining !== null && remaining > 0
          ? t("connect.waitForWindow", { seconds: remaining })
          : null;

  function submit() {
    const ids = [...selection.ids];
    connect.reset();
    createJob.reset();
    if (paced) {
      createJob.mutate(ids, {
        onSuccess: (job) => {
          toast.success(t("pacer.created", { count: job.total, waves: job.totalWaves }));
          selection.clear();
        },
      });
      return;
    }
    connect.mutate(ids, {
      onSuccess: (result) => {
        toast.success(t("connect.done", { count: result.connected, name: cluster.name }));
        selection.clear();
      },
    });
  }

  const label = paced ? t("connect.paced", { count, waves }) : t("connect.submit", { count });
  const Icon = paced ? Waves : Link2;

  return (
    <section aria-labelledby="connect-title" className="mb-4 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h2 id="connect-title" className="sr-only">
        {t("connect.title")}
      </h2>
      <SelectionStats selected={count} batchSize={batchSize} usage={usage} window={window} remaining={remaining} />
      {moves > 0 ? <Alert tone="info">{t("connect.moves", { count: moves })}</Alert> : null}
      {bandwidth && !bandwidth.ok && limit ? (
        <Alert tone="warning">
          {t("connect.bandwidth", {
            limit: format.number(limit),
            allowed: format.number(bandwidth.allowedKbps),
          })}
        </Alert>
      ) : null}
      {paced ? (
        <Alert tone="info" title={t("pacer.planTitle")}>
          <p>
            {t("pacer.plan", {
              count,
              waves,
              batch: batchSize,
              seconds: interval + 1,
              minutes: Math.ceil(((waves - 1) * (interval + 1)) / 60),
            })}
          </p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <GatedButton gate={gate} variant="primary" onClick={submit} disabled={busy || blocked !== null}>
          {busy ? <Spinner /> : <Icon aria-hidden className="size-4" />}
          {busy ? t("connect.submitting") : label}
        </GatedButton>
        {count > 0 ? (
          <Button onClick={selection.clear} disabled={busy}>
            <X aria-hidden className="size-4" />
            {t("connect.clear")}
          </Button>
        ) : null}
        {blocked && count > 0 ? <p className="text-xs text-slate-600">{blocked}</p> : null}
      </div>
      {connect.isSuccess ? (
        <Alert tone="info" title={t("connect.doneTitle")}>
          <p>
            {t("connect.result", {
              connected: connect.data.connected,
              moved: connect.data.moved,
              already: connect.data.alreadyConnected,
              total: format.number(connect.data.clientCount),
            })}
          </p>
        </Alert>
      ) : null}
      {connect.error || createJob.error ? (
        <ConnectErrorAlert
          error={connect.error ?? createJob.error}
          title={t("connect.refused")}
          onRemoveProblems={(ids) => selection.change({ remove: ids })}
        />
      ) : null}
    </section>
  );
}
