// Revoke after confirmation (R19): the token registers nothing from now on; servers that already
// registered stay as they are.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import type { InstallCommandDto } from "./install-command-api";
import { useRevokeInstallCommand } from "./use-install-commands";

type Props = { region: Region; command: InstallCommandDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function RevokeInstallCommandDialog({ region, command, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const revoke = useRevokeInstallCommand(region);

  function close() {
    revoke.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      subject={command}
      title={t("installCommands.revoke.title")}
      busy={revoke.isPending}
      label={t("installCommands.revoke.submit")}
      busyLabel={t("installCommands.revoke.submitting")}
      onClose={close}
      returnFocus={returnFocus}
      onConfirm={(command) =>
        revoke.mutate(command.id, {
          onSuccess: () => {
            toast.success(t("installCommands.revoke.done", { hint: command.tokenHint }));
            close();
          },
          onError: (error) => {
            if (error instanceof ApiError && error.code === "NOT_FOUND") {
              toast.info(t("installCommands.revoke.gone"));
              close();
            }
          },
        })
      }
    >
      {(command) => (
        <>
          <p className="text-slate-800">
            {t("installCommands.revoke.confirm", {
              hint: command.tokenHint,
              cluster:
                command.cluster?.name ??
                (command.deletedCluster
                  ? t("installCommands.list.deletedCluster", { name: command.deletedCluster.name })
                  : t("installCommands.list.direct")),
            })}
          </p>
          <p className="text-slate-700">{t("installCommands.revoke.effect", { count: command.registrations })}</p>
          {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
        </>
      )}
    </ConfirmDialog>
  );
}
