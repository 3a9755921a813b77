// Confirmations of the row actions: upgrade (R10), stop the proxy process, delete (R8). A
// refusal is explained in the dialog; PROXY_ONLINE shows the stop command to run first. Stopping
// the last serving proxy, or deleting the last proxy, of a cluster with clients says what the
// clients lose, with the numbers; the delete needs a tick as well (issue 13).
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import type { StopInstructions } from "@/lib/proxies/stop-command";
import type { ProxyDto } from "./proxy-api";
import { isRunning, type ProxyAction } from "./proxy-row-actions";
import { StopCommandBlock, StopCommandNote } from "./stop-command-note";
import { useProxyActions } from "./use-proxy-actions";
import { useProxyErrorText } from "./use-proxy-error-text";

const DIALOG_KEYS = { upgrade: "proxies.upgradeDialog", stop: "proxies.stopDialog", delete: "proxies.deleteDialog" } as const;

export type ActionTarget = { action: ProxyAction; proxy: ProxyDto };

type Props = {
  region: Region;
  clusterId: string;
  /** The cluster's name and connected clients, for the warnings about its last proxy. */
  cluster: { name: string; clientCount: number } | undefined;
  /** Every proxy of the cluster, the target among them. */
  proxies: ProxyDto[];
  latestVersion: string | null;
  target: ActionTarget | null;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
};

function stopOf(error: unknown): StopInstructions | null {
  if (!(error instanceof ApiError) || error.code !== "PROXY_ONLINE") return null;
  const stop = (error.details as { stop?: StopInstructions } | undefined)?.stop;
  return stop && typeof stop.command === "string" ? stop : null;
}

/** What the cluster's clients lose with this action, or null when another proxy remains. */
export function clientsLeftWithout(target: ActionTarget, proxies: ProxyDto[], clientCount: number): number | null {
  if (clientCount === 0) return null;
  const others = proxies.filter((p) => p.id !== target.proxy.id);
  if (target.action === "delete") return others.length === 0 ? clientCount : null;
  if (target.action === "stop") return others.some(isRunning) ? null : clientCount;
  return null;
}

export function ProxyActionDialog({ target, onClose, ...props }: Props) {
  const t = useTranslations();
  const action = target?.action ?? "delete";
  const actions = useProxyActions(props.region, props.clusterId);
  const mutation = target ? { upgrade: actions.upgrade, stop: actions.stop, delete: actions.remove }[target.action] : null;
  const close = () => {
    mutation?.reset();
    onClose();
  };
  return (
    <Dialog
      role={action === "upgrade" ? "dialog" : "alertdialog"}
      open={target !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={mutation?.isPending ?? false}
      title={t(`${DIALOG_KEYS[action]}.title`)}
      closeLabel={t("common.close")}
      returnFocus={props.returnFocus}
    >
      {target ? (
        <ActionBody key={`${target.action}:${target.proxy.id}`} target={target} actions={actions} onClose={close} {...props} />
      ) : null}
    </Dialog>
  );
}

type BodyProps = Omit<Props, "target" | "onClose" | "returnFocus"> & {
  target: ActionTarget;
  actions: ReturnType<typeof useProxyActions>;
  onClose: () => void;
};

function ActionBody({ target, actions, cluster, proxies, latestVersion, onClose }: BodyProps) {
  const t = useTranslations();
  const errorText = useProxyErrorText();
  const confirmId = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const { action, proxy } = target;
  const name = proxy.asset.hostname;
  const ns = DIALOG_KEYS[action];
  const pending = { upgrade: actions.upgrade, stop: actions.stop, delete: actions.remove }[action].isPending;
  const error = { upgrade: actions.upgrade, stop: actions.stop, delete: actions.remove }[action].error;
  const onlineStop = stopOf(error);
  // A refusal (4xx) means the row was stale: the list refreshes and the dialog only closes.
  // A network or server failure may pass on a second try.
  const refused =
    error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code !== "LAST_PROXY_WITH_CLIENTS";
  const stranded = cluster ? clientsLeftWithout(target, proxies, cluster.clientCount) : null;
  const needsTick = action === "delete" && stranded !== null;
  const hasAgent = proxy.agentStatus !== "not_installed";

  const onError = (e: Error) => {
    // Deleted meanwhile (by someone else, or the goal of a delete): the list refreshes.
    if (e instanceof ApiError && e.code === "NOT_FOUND") {
      toast.info(t("proxies.errors.NOT_FOUND"));
      onClose();
    }
  };
  const done = (message: string) => () => {
    toast.success(message);
    onClose();
  };
  function confirm() {
    if (action === "upgrade") {
      actions.upgrade.mutate(proxy.id, {
        onSuccess: done(t("proxies.upgradeDialog.done", { name, to: latestVersion ?? "" })),
        onError,
      });
    } else if (action === "stop") {
      actions.stop.mutate(proxy.id, { onSuccess: done(t("proxies.stopDialog.done", { name })), onError });
    } else {
      actions.remove.mutate(
        { id: proxy.id, clientsWithoutProxy: needsTick && acknowledged },
        { onSuccess: done(t("proxies.deleteDialog.done", { name })), onError },
      );
    }
  }

  return (
    <>
      <DialogBody>
        <p className="text-slate-800 [overflow-wrap:anywhere]">
          {action === "upgrade"
            ? t("proxies.upgradeDialog.confirm", { name, from: proxy.version ?? "?", to: latestVersion ?? "?" })
            : t(`${ns}.confirm`, { name })}
        </p>
        <p className="text-slate-600">
          {action === "upgrade"
            ? t("proxies.upgradeDialog.body", { to: latestVersion ?? "?" })
            : action === "delete" && !hasAgent
              ? t("proxies.deleteDialog.bodyManual")
              : t(`${ns}.body`)}
        </p>
        {action === "stop" && hasAgent && proxy.mode === "quick" ? (
          <p className="text-slate-600">{t("proxies.stopDialog.agentStays")}</p>
        ) : null}
        {stranded !== null && cluster ? (
          <Alert
            tone="warning"
            title={
              action === "stop"
                ? t("proxies.stopDialog.lastTitle")
                : t("proxies.deleteDialog.lastTitle", { cluster: cluster.name })
            }
          >
            <p data-testid="stranded-clients">
              {action === "stop"
                ? t("proxies.stopDialog.lastBody", { name, cluster: cluster.name, clients: stranded })
                : t("proxies.deleteDialog.lastBody", { clients: stranded })}
            </p>
            {needsTick ? (
              <label htmlFor={confirmId} className="mt-2 flex items-start gap-2 font-medium">
                <input
                  id={confirmId}
                  type="checkbox"
                  className="mt-1"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                />
                {t("proxies.deleteDialog.lastConfirm", { clients: stranded })}
              </label>
            ) : null}
          </Alert>
        ) : null}
        {action === "stop" ? (
          <div className="space-y-1">
            <p className="text-xs text-slate-600">{t("proxies.stopDialog.manual")}</p>
            <StopCommandBlock stop={proxy.stop} hostname={name} />
          </div>
        ) : null}
        {onlineStop ? (
          <StopCommandNote tone="warning" title={t("proxies.deleteDialog.onlineTitle")} stop={onlineStop} hostname={name} />
        ) : error ? (
          <ApiErrorAlert error={error} message={errorText(error)} />
        ) : null}
      </DialogBody>
      <DialogActions
        busy={pending}
        onCancel={onClose}
        onAction={confirm}
        variant={action === "upgrade" ? "primary" : "danger"}
        focusCancel
        blocked={refused}
        label={t(`${ns}.submit`)}
        busyLabel={t(`${ns}.submitting`)}
        disabledReason={needsTick && !acknowledged ? t("proxies.deleteDialog.lastReason") : undefined}
      />
    </>
  );
}
