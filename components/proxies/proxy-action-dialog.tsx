// Confirmations of the row actions: upgrade (R10), stop the proxy process, delete (R8). A
// refusal is explained in the dialog; PROXY_ONLINE shows the stop command to run first.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import type { ProxyDto } from "./proxy-api";
import type { ProxyAction } from "./proxy-row-actions";
import { StopCommandBlock, StopCommandNote } from "./stop-command-note";
import { useProxyActions } from "./use-proxy-actions";
import { useProxyErrorText } from "./use-proxy-error-text";

type Props = {
  region: Region;
  clusterId: string;
  latestVersion: string | null;
  target: { action: ProxyAction; proxy: ProxyDto } | null;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
};

function stopCommandOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== "PROXY_ONLINE") return null;
  const command = (error.details as { stopCommand?: unknown } | undefined)?.stopCommand;
  return typeof command === "string" ? command : "";
}

export function ProxyActionDialog({ region, clusterId, latestVersion, target, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const errorText = useProxyErrorText();
  const actions = useProxyActions(region, clusterId);
  const mutation = target ? { upgrade: actions.upgrade, stop: actions.stop, delete: actions.remove }[target.action] : null;
  const pending = mutation?.isPending ?? false;
  const stopCommand = stopCommandOf(mutation?.error);
  // A refusal (4xx) means the row was stale: the list refreshes and the dialog only closes.
  // A network or server failure may pass on a second try.
  const refused = mutation?.error instanceof ApiError && mutation.error.status >= 400 && mutation.error.status < 500;

  function close() {
    mutation?.reset();
    onClose();
  }

  function confirm() {
    if (!target || !mutation) return;
    const name = target.proxy.asset.hostname;
    const done = {
      upgrade: () => toast.success(t("proxies.upgradeDialog.done", { name, to: latestVersion ?? "" })),
      stop: () => toast.success(t("proxies.stopDialog.done", { name })),
      delete: () => toast.success(t("proxies.deleteDialog.done", { name })),
    }[target.action];
    mutation.mutate(target.proxy.id, {
      onSuccess: () => {
        done();
        close();
      },
      onError: (error) => {
        // Deleted meanwhile (by someone else, or the goal of a delete): the list refreshes.
        if (error instanceof ApiError && error.code === "NOT_FOUND") {
          toast.info(t("proxies.errors.NOT_FOUND"));
          close();
        }
      },
    });
  }

  const action = target?.action ?? "delete";
  const keys = {
    upgrade: "proxies.upgradeDialog",
    stop: "proxies.stopDialog",
    delete: "proxies.deleteDialog",
  } as const;
  const ns = keys[action];
  const proxy = target?.proxy;
  return (
    <Dialog
      role={action === "upgrade" ? "dialog" : "alertdialog"}
      open={target !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={pending}
      title={t(`${ns}.title`)}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {proxy ? (
        <>
          <DialogBody>
            <p className="text-slate-800">
              {action === "upgrade"
                ? t("proxies.upgradeDialog.confirm", {
                    name: proxy.asset.hostname,
                    from: proxy.version ?? "?",
                    to: latestVersion ?? "?",
                  })
                : t(`${ns}.confirm`, { name: proxy.asset.hostname })}
            </p>
            <p className="text-slate-600">
              {action === "upgrade" ? t("proxies.upgradeDialog.body", { to: latestVersion ?? "?" }) : t(`${ns}.body`)}
            </p>
            {action === "stop" ? (
              <div className="space-y-1">
                <p className="text-xs text-slate-600">{t("proxies.stopDialog.manual")}</p>
                <StopCommandBlock />
              </div>
            ) : null}
            {stopCommand !== null ? (
              <StopCommandNote tone="warning" title={t("proxies.deleteDialog.onlineTitle")} command={stopCommand || undefined} />
            ) : mutation?.error ? (
              <ApiErrorAlert error={mutation.error} message={errorText(mutation.error)} />
            ) : null}
          </DialogBody>
          <DialogActions
            busy={pending}
            onCancel={close}
            onAction={confirm}
            variant={action === "upgrade" ? "primary" : "danger"}
            focusCancel
            blocked={refused}
            label={t(`${ns}.submit`)}
            busyLabel={t(`${ns}.submitting`)}
          />
        </>
      ) : null}
    </Dialog>
  );
}
