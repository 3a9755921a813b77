// Step 1: disconnect every client (R16). Agents stay installed; their uninstall commands are here
// for whoever wants them gone.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { useDisconnectClients } from "@/components/clients/use-client-mutations";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { CodeBlock } from "@/components/ui/code-block";
import { Spinner } from "@/components/ui/spinner";
import { uninstallCommandText } from "@/lib/install-commands/command-text";
import { DeleteStep } from "./delete-step";

type Props = { clusterId: string; clients: number; gate: RoleGate; onChanged: () => void };

export function ClientsStep({ clusterId, clients, gate, onChanged }: Props) {
  const t = useTranslations("guidedDelete.clients");
  const disconnect = useDisconnectClients(clusterId);
  const run = () =>
    disconnect.mutate(
      { all: true },
      {
        onSuccess: (result) => {
          toast.success(t("disconnected", { count: result.disconnected }));
          onChanged();
        },
      },
    );
  return (
    <DeleteStep
      n={1}
      title={t("title")}
      state={clients === 0 ? "done" : "ready"}
      reason={clients === 0 ? t("doneText") : undefined}
    >
      {clients > 0 ? (
        <>
          <p>{t("body", { count: clients })}</p>
          <GatedButton gate={gate} variant="primary" size="sm" onClick={run} disabled={disconnect.isPending}>
            {disconnect.isPending ? <Spinner /> : null}
            {t("action", { count: clients })}
          </GatedButton>
          {disconnect.error ? <ApiErrorAlert error={disconnect.error} /> : null}
        </>
      ) : null}
      <details className="rounded border border-slate-200 bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">{t("uninstallTitle")}</summary>
        <div className="mt-2 space-y-2">
          <p className="text-xs text-slate-600">{t("uninstallBody")}</p>
          {(["linux", "windows"] as const).map((os) => (
            <div key={os} className="space-y-1">
              <p className="text-xs font-medium text-slate-700">{t(os)}</p>
              <CodeBlock
                code={uninstallCommandText(os)}
                label={t("uninstallLabel", { os: t(os) })}
                copyLabel={t("uninstallCopy", { os: t(os) })}
              />
            </div>
          ))}
        </div>
      </details>
    </DeleteStep>
  );
}
