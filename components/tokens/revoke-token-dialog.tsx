// Revoke an API token after confirmation; it stops working with the next request.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ApiTokenDto } from "./tokens-api";
import { useRevokeToken } from "./use-revoke-token";

type Props = { token: ApiTokenDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function RevokeTokenDialog({ token, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const revoke = useRevokeToken();

  function close() {
    revoke.reset();
    onClose();
  }

  function confirm() {
    if (!token) return;
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast.success(t("tokens.revoke.done", { name: token.name }));
        close();
      },
    });
  }

  return (
    <Dialog
      role="alertdialog"
      open={token !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={revoke.isPending}
      title={t("tokens.revoke.title")}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {token ? (
        <>
          <DialogBody>
            <p className="text-slate-800">{t("tokens.revoke.confirm", { name: token.name })}</p>
            {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
          </DialogBody>
          <DialogFooter>
            <Button onClick={close} disabled={revoke.isPending} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button variant="danger" onClick={confirm} disabled={revoke.isPending}>
              {revoke.isPending ? <Spinner /> : null}
              {revoke.isPending ? t("tokens.revoke.submitting") : t("tokens.revoke.submit")}
            </Button>
          </DialogFooter>
        </>
      ) : null}
    </Dialog>
  );
}
