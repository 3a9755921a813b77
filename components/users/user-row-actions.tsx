// The actions menu of one user row: change role, disable or enable.
"use client";
import { Ellipsis, ShieldCheck, UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { UserDto } from "./users-api";

type Props = { user: UserDto; onChangeRole: () => void; onToggle: () => void };

export function UserRowActions({ user, onChangeRole, onToggle }: Props) {
  const t = useTranslations("users.actions");
  const label = t("menuLabel", { email: user.email });
  const openedDialog = useRef(false);
  const open = (action: () => void) => () => {
    openedDialog.current = true;
    action();
  };
  const returnFocus = () => {
    const refocus = !openedDialog.current;
    openedDialog.current = false;
    return refocus;
  };
  return (
    <Menu>
      <MenuTrigger aria-label={label} className={buttonClass("ghost", "sm")} data-actions-for={user.id}>
        <Ellipsis aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent label={label} returnFocus={returnFocus}>
        <MenuItem icon={<ShieldCheck className="size-4" />} onSelect={open(onChangeRole)}>
          {t("changeRole")}
        </MenuItem>
        {user.disabled ? (
          <MenuItem icon={<UserCheck className="size-4" />} onSelect={open(onToggle)}>
            {t("enable")}
          </MenuItem>
        ) : (
          <MenuItem icon={<UserX className="size-4" />} onSelect={open(onToggle)} danger>
            {t("disable")}
          </MenuItem>
        )}
      </MenuContent>
    </Menu>
  );
}
