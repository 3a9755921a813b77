// "Upgrade all" (issue 17): the plan before it starts — which proxies upgrade to which version,
// which are skipped and why (R10), how many at a time, and the minimum that keeps serving.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { MAX_BATCH_SIZE } from "@/lib/rollouts/schemas";
import type { RolloutPreviewDto } from "./rollout-api";
import { useRolloutErrorText, useRolloutMutations, useRolloutPreview } from "./use-rollouts";

type Props = { clusterId: string; clusterName: string; open: boolean; onClose: () => void };

export function UpgradeAllDialog({ clusterId, clusterName, open, onClose }: Props) {
  const t = useTranslations("rollouts.dialog");
  const common = useTranslations("common");
  const preview = useRolloutPreview(clusterId, open);
  const { start } = useRolloutMutations(clusterId);
  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : close())}
      busy={start.isPending}
      title={t("title")}
      closeLabel={common("close")}
    >
      {preview.data ? (
        <PlanBody
          key={preview.dataUpdatedAt}
          plan={preview.data}
          clusterName={clusterName}
          busy={start.isPending}
          error={start.error}
          onCancel={close}
          onStart={(batchSize) =>
            start.mutate(batchSize, {
              onSuccess: (rollout) => {
                toast.success(t("started", { cluster: clusterName, version: rollout.targetVersion }));
                close();
              },
            })
          }
        />
      ) : (
        <DialogBody>
          {preview.isError ? (
            <ApiErrorAlert error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
          ) : (
            <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
              <Spinner /> {t("loading")}
            </p>
          )}
        </DialogBody>
      )}
    </Dialog>
  );
}

type BodyProps = {
  plan: RolloutPreviewDto;
  clusterName: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onStart: (batchSize: number) => void;
};

function PlanBody({ plan, clusterName, busy, error, onCancel, onStart }: BodyProps) {
  const t = useTranslations("rollouts");
  const errorText = useRolloutErrorText();
  const pending = plan.steps.filter((s) => s.state === "pending");
  const skipped = plan.steps.filter((s) => s.state === "skipped");
  const [batchSize, setBatchSize] = useState(1);
  const sizes = Array.from({ length: Math.max(1, Math.min(MAX_BATCH_SIZE, pending.length)) }, (_, i) => i + 1);
  return (
    <>
      <DialogBody>
        {plan.blocked ? (
          <Alert tone="warning" title={t("dialog.blocked")}>
            <BlockedText code={plan.blocked.code} message={plan.blocked.message} />
          </Alert>
        ) : (
          <div className="space-y-3 text-sm text-slate-800">
            <p>{t("dialog.intro", { count: pending.length, cluster: clusterName, version: plan.targetVersion ?? "" })}</p>
            <p className="text-slate-700">{t("dialog.minimum", { min: plan.minOnlineProxies })}</p>
            <Field label={t("dialog.batchSize")} hint={t("dialog.batchHint")}>
              {(control) => (
                <Select
                  {...control}
                  value={batchSize}
                  onChange={(e) => setBatchSize(Number(e.target.value))}
                  className="w-24"
                  data-autofocus
                >
                  {sizes.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        )}
        {pending.length > 0 && !plan.blocked ? (
          <section className="mt-3">
            <h3 className="text-xs font-semibold text-slate-700">{t("dialog.willUpgrade")}</h3>
            <ul className="mt-1 space-y-0.5 text-sm" data-testid="rollout-plan-pending">
              {pending.map((s) => (
                <li key={s.proxyId} className="flex gap-2">
                  <span className="font-medium text-slate-900">{s.name}</span>
                  <span className="text-slate-600 tabular-nums">
                    {s.from ?? "—"} → {plan.targetVersion}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {skipped.length > 0 ? (
          <section className="mt-3">
            <h3 className="text-xs font-semibold text-slate-700">{t("dialog.willSkip")}</h3>
            <ul className="mt-1 space-y-0.5 text-sm" data-testid="rollout-plan-skipped">
              {skipped.map((s) => (
                <li key={s.proxyId} className="flex flex-wrap gap-x-2">
                  <span className="font-medium text-slate-900">{s.name}</span>
                  <span className="text-slate-600">{s.reason ? t(`reason.${s.reason}`) : null}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {error ? (
          <div className="mt-3">
            <ApiErrorAlert error={error} message={errorText(error)} />
          </div>
        ) : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onCancel}
        blocked={Boolean(plan.blocked)}
        label={t("dialog.submit", { count: pending.length })}
        busyLabel={t("dialog.submitting")}
        onAction={() => onStart(batchSize)}
      />
    </>
  );
}

function BlockedText({ code, message }: { code: string; message: string }) {
  const t = useTranslations("rollouts.errors");
  return <p>{t.has(code as "ROLLOUT_ACTIVE") ? t(code as "ROLLOUT_ACTIVE") : message}</p>;
}
