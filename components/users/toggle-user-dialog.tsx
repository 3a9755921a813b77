// Disable (sessions end at once, sign-in refused) or enable a user, after confirmation.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useSession } from "@/components/auth/session-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useUpdateUser } from "./use-update-user";
import { UserChangeError } from "./user-change-error";
import type { UserDto } from "./users-api";

type Props = { user: UserDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function ToggleUserDialog({ user, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const me = useSession();
  const update = useUpdateUser();
  const disabling = user ? !user.disabled : true;
  const keys = disabling ? "users.disable" : "users.enable";

  function close() {
    update.reset();
    onClose();
  }

  function confirm() {
    if (!user) return;
    update.mutate(
      { id: user.id, change: { disabled: disabling } },
      {
        onSuccess: () => {
          toast.success(t(`${keys}.done`, { email: user.email }));
          close();
        },
      },
    );
  }

  return (
    <Dialog
      role="alertdialog"
      open={user !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={update.isPending}
      title={t(`${keys}.title`)}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {user ? (
        <>
          <DialogBody>
            <p className="text-slate-800">{t(`${keys}.confirm`, { name: user.name, email: user.email })}</p>
            {disabling && user.id === me.id ? (
              <p className="text-sm font-medium text-amber-800">{t("users.disable.self")}</p>
            ) : null}
            <UserChangeError error={update.error} />
          </DialogBody>
          <DialogFooter>
            <Button onClick={close} disabled={update.isPending} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button variant={disabling ? "danger" : "primary"} onClick={confirm} disabled={update.isPending}>
              {update.isPending ? <Spinner /> : null}
              {update.isPending ? t(`${keys}.submitting`) : t(`${keys}.submit`)}
            </Button>
          </DialogFooter>
        </>
      ) : null}
    </Dialog>
  );
}
