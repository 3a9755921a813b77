// Revoke an API token after confirmation; it stops working with the next request.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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

  return (
    <ConfirmDialog
      subject={token}
      title={t("tokens.revoke.title")}
      busy={revoke.isPending}
      label={t("tokens.revoke.submit")}
      busyLabel={t("tokens.revoke.submitting")}
      onClose={close}
      returnFocus={returnFocus}
      onConfirm={(token) =>
        revoke.mutate(token.id, {
          onSuccess: () => {
            toast.success(t("tokens.revoke.done", { name: token.name }));
            close();
          },
        })
      }
    >
      {(token) => (
        <>
          <p className="text-slate-800">{t("tokens.revoke.confirm", { name: token.name })}</p>
          {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
        </>
      )}
    </ConfirmDialog>
  );
}
