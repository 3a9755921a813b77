// Change a user's role (admin). The server keeps at least one active admin (LAST_ADMIN).
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { RoleField } from "@/components/auth/role-field";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import type { Role } from "@/lib/auth/roles";
import { updateUserSchema } from "@/lib/auth/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import { useUpdateUser } from "./use-update-user";
import { UserChangeError } from "./user-change-error";
import type { UserDto } from "./users-api";

type Props = { user: UserDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function ChangeRoleDialog({ user, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const update = useUpdateUser();
  function close() {
    update.reset();
    onClose();
  }
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={update.isPending}
      title={t("users.changeRole.title")}
      description={user ? t("users.changeRole.description", { name: user.name, email: user.email }) : undefined}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {user ? <ChangeRoleForm key={user.id} user={user} update={update} onDone={close} /> : null}
    </Dialog>
  );
}

type FormProps = { user: UserDto; update: ReturnType<typeof useUpdateUser>; onDone: () => void };

function ChangeRoleForm({ user, update, onDone }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<z.input<typeof updateUserSchema>, unknown, z.output<typeof updateUserSchema>>({
    resolver: zodResolver(updateUserSchema, { error: errorMap }),
    defaultValues: { role: user.role as Role },
  });
  const { isSubmitting, isDirty, errors } = form.formState;
  const busy = isSubmitting || update.isPending;

  const submit = form.handleSubmit(async ({ role }) => {
    try {
      await update.mutateAsync({ id: user.id, change: { role } });
      toast.success(t("users.changeRole.saved", { email: user.email }));
      onDone();
    } catch {
      // Shown below from update.error.
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <RoleField legend={t("users.fields.role")} error={errors.role?.message} registration={form.register("role")} />
        <UserChangeError error={update.error} />
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onDone}
        label={t("users.changeRole.submit")}
        busyLabel={t("users.changeRole.submitting")}
        disabledReason={isDirty ? undefined : t("common.nothingChanged")}
      />
    </form>
  );
}
