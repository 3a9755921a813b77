// What can be done with the client list: disconnect the selected rows, or all clients (R16).
// A viewer sees both, disabled, with the reason.
"use client";
import { Unplug, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { Button } from "@/components/ui/button";

type Props = {
  gate: RoleGate;
  selected: number;
  clientCount: number;
  onDisconnect: () => void;
  onDisconnectAll: () => void;
  onClear: () => void;
};

export function ClientsToolbar({ gate, selected, clientCount, onDisconnect, onDisconnectAll, onClear }: Props) {
  const t = useTranslations("clients");
  return (
    <>
      <p className="text-xs text-slate-600" aria-live="polite">
        {selected > 0 ? t("selected", { count: selected }) : t("selectHint")}
      </p>
      {selected > 0 ? (
        <>
          <GatedButton gate={gate} size="sm" variant="danger" onClick={onDisconnect}>
            <Unplug aria-hidden className="size-3.5" />
            {t("disconnectSelected", { count: selected })}
          </GatedButton>
          <Button size="sm" variant="ghost" onClick={onClear}>
            <X aria-hidden className="size-3.5" />
            {t("clearSelection")}
          </Button>
        </>
      ) : null}
      {clientCount > 0 ? (
        <GatedButton gate={gate} size="sm" onClick={onDisconnectAll}>
          <Unplug aria-hidden className="size-3.5" />
          {t("disconnectAll")}
        </GatedButton>
      ) : null}
    </>
  );
}
