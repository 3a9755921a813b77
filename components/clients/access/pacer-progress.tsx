// The batch pacer's job on screen (issue #5 item 4): waves of at most 500 more than the interval
// apart, with progress, ETA, the last error and cancel. A finished job stays until dismissed.
"use client";
import { Ban, Waves } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Spinner } from "@/components/ui/spinner";
import type { ConnectJobDto } from "../client-api";
import { useCancelConnectJob } from "../use-client-mutations";
import { ConnectErrorAlert } from "./connect-error";
import { clock } from "./selection-stats";

const TONE: Record<string, BadgeTone> = { running: "info", done: "success", failed: "warning", cancelled: "muted" };

type Props = { clusterId: string; job: ConnectJobDto; fetchedAt: number; gate: RoleGate; onDismiss: () => void };

export function PacerProgress({ clusterId, job, fetchedAt, gate, onDismiss }: Props) {
  const t = useTranslations("clientAccess.pacer");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  const cancel = useCancelConnectJob(clusterId);
  const running = job.status === "running";
  const elapsed = Math.floor((now.getTime() - fetchedAt) / 1000);
  const eta = Math.max(0, job.etaSeconds - elapsed);
  const nextWave = job.nextRunAt ? Math.max(0, Math.ceil((new Date(job.nextRunAt).getTime() - now.getTime()) / 1000)) : null;
  const n = (v: number) => format.number(v);
  const status = job.status as keyof typeof TONE;

  return (
    <section
      aria-labelledby="pacer-title"
      className="mb-4 space-y-2 rounded-md border border-brand-100 bg-white p-4"
      data-testid="pacer"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Waves aria-hidden className="size-4 text-brand-700" />
        <h2 id="pacer-title" className="font-semibold text-slate-900">
          {t("title")}
        </h2>
        <Badge tone={TONE[status] ?? "neutral"}>
          {running ? <Spinner className="size-3" /> : null}
          {t(`status.${status as "running"}`)}
        </Badge>
        <span className="text-xs text-slate-600">
          {t("startedBy", { name: job.createdBy, when: format.dateTime(new Date(job.createdAt), { timeStyle: "short" }) })}
        </span>
        <div className="ml-auto flex gap-2">
          {running ? (
            <GatedButton gate={gate} size="sm" onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending}>
              <Ban aria-hidden className="size-3.5" />
              {cancel.isPending ? t("cancelling") : t("cancel")}
            </GatedButton>
          ) : (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              {t("dismiss")}
            </Button>
          )}
        </div>
      </div>
      <ProgressBar
        label={t("progressLabel")}
        value={job.processed}
        max={job.total}
        valueText={t("processed", { processed: n(job.processed), total: n(job.total) })}
        tone={job.status === "failed" ? "warning" : "brand"}
      />
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 tabular-nums">
        <span className="font-medium">{t("processed", { processed: n(job.processed), total: n(job.total) })}</span>
        <span>{t("waves", { count: job.waves, total: job.totalWaves })}</span>
        <span>{t("connected", { count: job.connected })}</span>
        {job.skipped > 0 ? <span>{t("skipped", { count: job.skipped })}</span> : null}
        {running && nextWave !== null ? (
          <span>{nextWave > 0 ? t("nextWave", { time: clock(nextWave) }) : t("waveRunning")}</span>
        ) : null}
        {running ? <span>{t("eta", { time: clock(eta) })}</span> : null}
      </p>
      {job.lastError ? (
        <ConnectErrorAlert
          error={job.lastError}
          tone={job.status === "failed" ? "error" : "warning"}
          title={job.status === "failed" ? t("failedTitle") : t("lastErrorTitle")}
        />
      ) : null}
      {cancel.error ? <ApiErrorAlert error={cancel.error} /> : null}
    </section>
  );
}
