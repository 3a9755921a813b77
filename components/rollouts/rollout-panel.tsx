// A cluster's rolling upgrade on screen (issue 17): progress, ETA, why it waits or paused, each
// proxy's step with its reason, and pause, resume and cancel. A finished one stays until dismissed.
"use client";
import { Ban, Pause, Play, RefreshCcwDot } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Spinner } from "@/components/ui/spinner";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import { clock } from "@/components/clients/access/selection-stats";
import type { RolloutDto } from "./rollout-api";
import { useRolloutErrorText, useRolloutMutations } from "./use-rollouts";

const STATUS_TONE: Record<RolloutDto["status"], BadgeTone> = {
  running: "info",
  paused: "warning",
  done: "success",
  cancelled: "muted",
};
const STEP_TONE: Record<RolloutDto["steps"][number]["state"], BadgeTone> = {
  pending: "neutral",
  upgrading: "info",
  done: "success",
  skipped: "muted",
  failed: "warning",
};

type Props = { clusterId: string; rollout: RolloutDto; fetchedAt: number; gate: RoleGate; onDismiss: () => void };

export function RolloutPanel({ clusterId, rollout, fetchedAt, gate, onDismiss }: Props) {
  const t = useTranslations("rollouts");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  const { act } = useRolloutMutations(clusterId);
  const errorText = useRolloutErrorText();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { counts, status } = rollout;
  const open = status === "running" || status === "paused";
  const finished = counts.done + counts.skipped + counts.failed;
  const eta =
    rollout.etaSeconds === null ? null : Math.max(0, rollout.etaSeconds - Math.floor((now.getTime() - fetchedAt) / 1000));
  const pending = act.isPending ? act.variables?.action : null;
  const run = (action: "pause" | "resume" | "cancel") =>
    act.mutate({ rolloutId: rollout.id, action }, { onSettled: () => setConfirmCancel(false) });
  const holdProxy = rollout.steps.find((s) => s.proxyId === rollout.hold?.proxyId)?.name ?? "";

  return (
    <section
      aria-labelledby="rollout-title"
      className="mb-4 space-y-2 rounded-md border border-brand-100 bg-white p-4"
      data-testid="rollout"
    >
      <div className="flex flex-wrap items-center gap-2">
        <RefreshCcwDot aria-hidden className="size-4 text-brand-700" />
        <h2 id="rollout-title" className="font-semibold text-slate-900">
          {t("panel.title", { version: rollout.targetVersion })}
        </h2>
        <Badge tone={STATUS_TONE[status]}>
          {status === "running" ? <Spinner className="size-3" /> : null}
          {t(`panel.status.${status}`)}
        </Badge>
        <span className="text-xs text-slate-600">
          {t("panel.startedBy", {
            name: rollout.createdBy,
            when: format.dateTime(new Date(rollout.createdAt), { timeStyle: "short" }),
          })}
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          {status === "running" ? (
            <GatedButton gate={gate} size="sm" onClick={() => run("pause")} disabled={act.isPending}>
              <Pause aria-hidden className="size-3.5" />
              {pending === "pause" ? t("panel.pausing") : t("panel.pause")}
            </GatedButton>
          ) : null}
          {status === "paused" ? (
            <GatedButton gate={gate} size="sm" variant="primary" onClick={() => run("resume")} disabled={act.isPending}>
              <Play aria-hidden className="size-3.5" />
              {pending === "resume" ? t("panel.resuming") : t("panel.resume")}
            </GatedButton>
          ) : null}
          {open ? (
            <GatedButton gate={gate} size="sm" onClick={() => setConfirmCancel(true)} disabled={act.isPending}>
              <Ban aria-hidden className="size-3.5" />
              {t("panel.cancel")}
            </GatedButton>
          ) : (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              {t("panel.dismiss")}
            </Button>
          )}
        </div>
      </div>
      <ProgressBar
        label={t("panel.progressLabel")}
        value={finished}
        max={counts.total}
        valueText={t("panel.progress", { finished, total: counts.total })}
        tone={counts.failed > 0 ? "warning" : "brand"}
      />
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 tabular-nums" aria-live="polite">
        <span className="font-medium">{t("panel.progress", { finished, total: counts.total })}</span>
        <span>{t("panel.counts", counts)}</span>
        <span>{t("panel.batch", { count: rollout.batchSize })}</span>
        {status === "running" && eta !== null ? <span>{t("panel.eta", { time: clock(eta) })}</span> : null}
      </p>
      {rollout.hold && open ? (
        <Alert tone={rollout.hold.code === "step_failed" ? "warning" : "info"}>
          {t(`panel.hold.${rollout.hold.code}`, {
            proxy: holdProxy,
            message: rollout.hold.message ? `(${rollout.hold.message})` : "",
          })}
        </Alert>
      ) : null}
      {act.error ? <ApiErrorAlert error={act.error} message={errorText(act.error)} /> : null}
      <TableFrame
        caption={t("panel.stepsCaption")}
        minWidth="min-w-[40rem]"
        dense
        columns={[
          { key: "proxy", label: t("panel.columns.proxy") },
          { key: "versions", label: t("panel.columns.versions") },
          { key: "state", label: t("panel.columns.state") },
          { key: "detail", label: t("panel.columns.detail") },
        ]}
      >
        {rollout.steps.map((step) => (
          <tr key={step.proxyId} className={ROW_CLASS} data-testid="rollout-step">
            <td className={`${CELL_CLASS} font-medium text-slate-900`}>{step.name}</td>
            <td className={`${CELL_CLASS} tabular-nums text-slate-700`}>
              {step.state === "done" ? `${step.from ?? "—"} → ${rollout.targetVersion}` : (step.from ?? "—")}
            </td>
            <td className={CELL_CLASS}>
              <Badge tone={STEP_TONE[step.state]}>
                {step.state === "upgrading" ? <Spinner className="size-3" /> : null}
                {t(`panel.state.${step.state}`)}
              </Badge>
            </td>
            <td className={`${CELL_CLASS} text-xs text-slate-700`}>
              {step.reason ? t(`reason.${step.reason}`) : null}
              {step.message ? <span className="block text-slate-600">{step.message}</span> : null}
            </td>
          </tr>
        ))}
      </TableFrame>
      <ConfirmDialog
        subject={confirmCancel ? rollout : null}
        title={t("panel.cancelDialog.title")}
        busy={pending === "cancel"}
        label={t("panel.cancelDialog.confirm")}
        busyLabel={t("panel.cancelDialog.confirming")}
        onConfirm={() => run("cancel")}
        onClose={() => setConfirmCancel(false)}
      >
        {(r) => <p>{t("panel.cancelDialog.body", { pending: r.counts.pending, upgrading: r.counts.upgrading })}</p>}
      </ConfirmDialog>
    </section>
  );
}
