// Disconnect selected clients, or all of them after typing the cluster's name. R16 in words:
// the agents stay installed and online; removing one is a separate command on the server.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { Input } from "@/components/ui/field";
import { uninstallCommandText } from "@/lib/install-commands/command-text";
import { useDisconnectClients } from "./use-client-mutations";

export type DisconnectTarget = { kind: "selected"; assetIds: string[] } | { kind: "all"; count: number };

type Props = {
  cluster: { id: string; name: string };
  target: DisconnectTarget | null;
  onClose: () => void;
  onDone: () => void;
};

export function DisconnectDialog({ cluster, target, onClose, onDone }: Props) {
  const t = useTranslations("clients.disconnect");
  const common = useTranslations("common");
  const disconnect = useDisconnectClients(cluster.id);
  const close = () => {
    disconnect.reset();
    onClose();
  };
  return (
    <Dialog
      role="alertdialog"
      open={target !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={disconnect.isPending}
      title={target?.kind === "all" ? t("allTitle") : t("title")}
      closeLabel={common("close")}
    >
      {target ? (
        <DisconnectBody
          key={target.kind}
          cluster={cluster}
          target={target}
          disconnect={disconnect}
          onCancel={close}
          onDone={() => {
            close();
            onDone();
          }}
        />
      ) : null}
    </Dialog>
  );
}

type BodyProps = {
  cluster: { id: string; name: string };
  target: DisconnectTarget;
  disconnect: ReturnType<typeof useDisconnectClients>;
  onCancel: () => void;
  onDone: () => void;
};

function DisconnectBody({ cluster, target, disconnect, onCancel, onDone }: BodyProps) {
  const t = useTranslations("clients.disconnect");
  const confirmId = useId();
  const [typed, setTyped] = useState("");
  const all = target.kind === "all";
  const count = all ? target.count : target.assetIds.length;
  const confirmed = !all || typed.trim() === cluster.name;
  const busy = disconnect.isPending;

  function confirm() {
    disconnect.mutate(all ? { all: true } : { assetIds: target.assetIds }, {
      onSuccess: (result) => {
        toast.success(t("done", { count: result.disconnected, name: cluster.name }));
        onDone();
      },
    });
  }

  return (
    <>
      <DialogBody>
        <p className="text-slate-800">
          {all ? t("allConfirm", { count, name: cluster.name }) : t("confirm", { count, name: cluster.name })}
        </p>
        <Alert tone="info" title={t("agentsStayTitle")}>
          <p>{t("agentsStay")}</p>
        </Alert>
        <details className="rounded border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">{t("uninstallTitle")}</summary>
          <p className="mt-2 text-slate-700">{t("uninstallBody")}</p>
          {(["linux", "windows"] as const).map((os) => (
            <UninstallCommand key={os} os={os} label={t(`uninstall.${os}`)} copyLabel={t(`uninstall.copy.${os}`)} />
          ))}
        </details>
        {all ? (
          <div className="space-y-1">
            <label htmlFor={confirmId} className="block text-sm font-medium text-slate-800">
              {t("typeName", { name: cluster.name })}
            </label>
            <Input
              id={confirmId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
          </div>
        ) : null}
        {disconnect.error ? <ApiErrorAlert error={disconnect.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onCancel}
        onAction={confirm}
        variant="danger"
        focusCancel={!all}
        label={all ? t("submitAll", { count }) : t("submit", { count })}
        busyLabel={t("submitting")}
        disabledReason={confirmed ? undefined : t("typeName", { name: cluster.name })}
      />
    </>
  );
}

/** R16: removing an agent is a separate, deliberate command on the server. */
function UninstallCommand({ os, label, copyLabel }: { os: "linux" | "windows"; label: string; copyLabel: string }) {
  const command = uninstallCommandText(os);
  return (
    <div className="mt-2 space-y-1">
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <CodeBlock code={command} label={label} copyLabel={copyLabel} />
    </div>
  );
}
