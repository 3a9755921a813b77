// Create install command (SPEC §4 screen 7, R19): the parameters, then the command shown once.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import type { Region } from "@/lib/clusters/schemas";
import { CreateInstallCommandForm } from "./create-install-command-form";
import type { CreatedInstallCommand } from "./install-command-api";
import { InstallCommandResult } from "./install-command-result";
import { useCreateInstallCommand } from "./use-install-commands";

type Props = {
  region: Region;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Pre-selected proxy cluster (?cluster= from the client-access panel). */
  clusterId: string | null;
};

export type CreatedView = { created: CreatedInstallCommand; os: "linux" | "windows"; clusterName: string | null };

export function CreateInstallCommandDialog({ region, open, onOpenChange, clusterId }: Props) {
  const t = useTranslations();
  const create = useCreateInstallCommand(region);
  const [result, setResult] = useState<CreatedView | null>(null);

  function change(next: boolean) {
    if (!next) {
      setResult(null);
      create.reset();
    }
    onOpenChange(next);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      busy={create.isPending}
      title={result ? t("installCommands.result.title") : t("installCommands.create.title")}
      description={result ? undefined : t("installCommands.create.description", { region: t(`shell.regions.${region}`) })}
      closeLabel={t("common.close")}
    >
      {/* Mounted only while open, so every opening starts with a fresh form and no old command. */}
      {open && result ? (
        <>
          <DialogBody>
            <InstallCommandResult {...result} />
          </DialogBody>
          <DialogFooter>
            <Button variant="primary" onClick={() => change(false)} data-autofocus>
              {t("installCommands.result.done")}
            </Button>
          </DialogFooter>
        </>
      ) : open ? (
        <CreateInstallCommandForm
          region={region}
          clusterId={clusterId}
          create={create}
          onCancel={() => change(false)}
          onCreated={setResult}
        />
      ) : null}
    </Dialog>
  );
}
