// Step 1: disconnect every client (R16), after the same confirmation as Connected clients: the
// count, what happens to the agents, and the cluster's name typed (issue 13). Agents stay
// installed; their uninstall commands are here for whoever wants them gone.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { DisconnectDialog } from "@/components/clients/disconnect-dialog";
import { CodeBlock } from "@/components/ui/code-block";
import { uninstallCommandText } from "@/lib/install-commands/command-text";
import { DeleteStep } from "./delete-step";

type Props = { cluster: { id: string; name: string }; clients: number; gate: RoleGate; onChanged: () => void };

export function ClientsStep({ cluster, clients, gate, onChanged }: Props) {
  const t = useTranslations("guidedDelete.clients");
  const [confirming, setConfirming] = useState(false);
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
          <GatedButton gate={gate} variant="danger" size="sm" onClick={() => setConfirming(true)}>
            {t("action", { count: clients })}
          </GatedButton>
        </>
      ) : null}
      <DisconnectDialog
        cluster={cluster}
        target={confirming ? { kind: "all", count: clients } : null}
        onClose={() => setConfirming(false)}
        onDone={onChanged}
      />
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
