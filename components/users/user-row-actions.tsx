// The actions menu of one user row: change role, disable or enable.
"use client";
import { ShieldCheck, UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { MenuItem, RowMenu } from "@/components/ui/menu";
import type { UserDto } from "./users-api";

type Props = { user: UserDto; onChangeRole: () => void; onToggle: () => void };

export function UserRowActions({ user, onChangeRole, onToggle }: Props) {
  const t = useTranslations("users.actions");
  const label = t("menuLabel", { email: user.email });
  return (
    <RowMenu label={label} rowId={user.id}>
      {(opens) => (
        <>
          <MenuItem icon={<ShieldCheck className="size-4" />} onSelect={opens(onChangeRole)}>
            {t("changeRole")}
          </MenuItem>
          {user.disabled ? (
            <MenuItem icon={<UserCheck className="size-4" />} onSelect={opens(onToggle)}>
              {t("enable")}
            </MenuItem>
          ) : (
            <MenuItem icon={<UserX className="size-4" />} onSelect={opens(onToggle)} danger>
              {t("disable")}
            </MenuItem>
          )}
        </>
      )}
    </RowMenu>
  );
}
