// Show an install command again from the list (issue 13 point 13): fetched when the dialog opens
// (each reveal is audited), held only while it is open, with a copy button.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import { ABSOLUTE_TIME } from "./absolute-time";
import type { InstallCommandDto } from "./install-command-api";
import { useRevealInstallCommand } from "./use-install-commands";

type Props = { region: Region; command: InstallCommandDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function RevealInstallCommandDialog({ region, command, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const reveal = useRevealInstallCommand(region);
  const { mutate, reset } = reveal;
  const id = command?.id;

  useEffect(() => {
    if (id) mutate(id);
    return () => reset();
  }, [id, mutate, reset]);

  /** Why the console will not show it, in the user's language; other failures as everywhere. */
  function refusalText(error: unknown): string | undefined {
    if (!(error instanceof ApiError)) return undefined;
    const reason = (error.details as { reason?: string } | undefined)?.reason;
    if (error.code === "GONE")
      return t(reason === "revoked" ? "installCommands.reveal.revoked" : "installCommands.reveal.expired");
    if (error.code === "NOT_REVEALABLE") return t("installCommands.reveal.notStored");
    return undefined;
  }

  const shown = reveal.data && reveal.data.id === id ? reveal.data : null;
  return (
    <Dialog
      open={command !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t("installCommands.reveal.title", { hint: command?.tokenHint ?? "" })}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      <DialogBody>
        {shown && command ? (
          <section aria-labelledby="revealed-command-label" className="space-y-1.5">
            <div className="flex items-end justify-between gap-2">
              <h3 id="revealed-command-label" className="text-sm font-medium text-slate-800">
                {t(command.os === "linux" ? "installCommands.result.commandLinux" : "installCommands.result.commandWindows")}
              </h3>
              <CopyButton value={shown.command} label={t("installCommands.result.copyLabel")} />
            </div>
            <pre
              aria-labelledby="revealed-command-label"
              data-testid="revealed-command"
              className="rounded border border-slate-300 bg-slate-900 px-3 py-2 font-mono text-[13px] leading-5 break-all whitespace-pre-wrap text-slate-50"
            >
              <code>{shown.command}</code>
            </pre>
            <p className="text-xs text-slate-600">
              {t("installCommands.result.expires", { at: format.dateTime(new Date(shown.expiresAt), ABSOLUTE_TIME) })}
            </p>
            <p className="text-xs text-slate-600">{t("installCommands.reveal.audited")}</p>
          </section>
        ) : reveal.isError ? (
          <ApiErrorAlert error={reveal.error} message={refusalText(reveal.error)} />
        ) : (
          <div aria-busy className="space-y-2">
            <span className="sr-only">{t("installCommands.reveal.loading")}</span>
            <Skeleton className="h-16 w-full" />
          </div>
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="primary" onClick={onClose} data-autofocus>
          {t("installCommands.result.done")}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
