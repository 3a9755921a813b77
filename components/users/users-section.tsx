// Settings → Users (admin): who can sign in, with which role; add, change role, disable.
"use client";
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ChangeRoleDialog } from "./change-role-dialog";
import { CreateUserDialog } from "./create-user-dialog";
import { ToggleUserDialog } from "./toggle-user-dialog";
import { UsersTable } from "./users-table";
import type { UserDto } from "./users-api";
import { useUsers } from "./use-users";

export function UsersSection() {
  const t = useTranslations("users");
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<UserDto | null>(null);
  const [toggling, setToggling] = useState<UserDto | null>(null);
  const lastRow = useRef<string | null>(null);
  const rowActions = () => document.querySelector<HTMLElement>(`[data-actions-for="${lastRow.current}"]`);
  const changeRole = (user: UserDto) => {
    lastRow.current = user.id;
    setChanging(user);
  };
  const toggle = (user: UserDto) => {
    lastRow.current = user.id;
    setToggling(user);
  };

  return (
    <section aria-labelledby="users-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="users-title" className="text-base font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <UserPlus aria-hidden className="size-4" />
          {t("create.open")}
        </Button>
      </div>
      {users.data ? (
        <UsersTable users={users.data} onChangeRole={changeRole} onToggle={toggle} />
      ) : users.isError ? (
        <ApiErrorAlert
          error={users.error}
          title={t("loadError")}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      ) : (
        <div role="status" aria-label={t("loading")} className="space-y-2 rounded-md border border-slate-200 p-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      )}
      <CreateUserDialog open={creating} onOpenChange={setCreating} />
      <ChangeRoleDialog user={changing} onClose={() => setChanging(null)} returnFocus={rowActions} />
      <ToggleUserDialog user={toggling} onClose={() => setToggling(null)} returnFocus={rowActions} />
    </section>
  );
}
