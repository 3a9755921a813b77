// Disable (sessions end at once, sign-in refused) or enable a user, after confirmation.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useSession } from "@/components/auth/session-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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

  return (
    <ConfirmDialog
      subject={user}
      title={t(`${keys}.title`)}
      busy={update.isPending}
      variant={disabling ? "danger" : "primary"}
      label={t(`${keys}.submit`)}
      busyLabel={t(`${keys}.submitting`)}
      onClose={close}
      returnFocus={returnFocus}
      onConfirm={(user) =>
        update.mutate(
          { id: user.id, change: { disabled: disabling } },
          {
            onSuccess: () => {
              toast.success(t(`${keys}.done`, { email: user.email }));
              close();
            },
          },
        )
      }
    >
      {(user) => (
        <>
          <p className="text-slate-800">{t(`${keys}.confirm`, { name: user.name, email: user.email })}</p>
          {disabling && user.id === me.id ? (
            <p className="text-sm font-medium text-amber-800">{t("users.disable.self")}</p>
          ) : null}
          <UserChangeError error={update.error} />
        </>
      )}
    </ConfirmDialog>
  );
}
