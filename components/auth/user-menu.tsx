// Who is signed in, with which role, and sign-out — the right end of the top bar.
"use client";
import { ChevronDown, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { ApiError } from "@/lib/api-client/api-error";
import { SIGN_IN_PATH } from "@/lib/api-client/sign-in-redirect";
import { signOut } from "./auth-api";
import { RoleBadge } from "./role-badge";
import { useSession } from "./session-provider";

export function UserMenu() {
  const t = useTranslations("account");
  const user = useSession();
  const roleName = useTranslations("roles.names")(user.role);
  const label = t("menuLabel", { name: user.name, role: roleName });

  async function leave() {
    try {
      await signOut();
    } catch (error) {
      // An expired session is already signed out; anything else leaves the user where they are.
      if (!(error instanceof ApiError && error.status === 401)) {
        toast.error(t("signOutFailed"));
        return;
      }
    }
    // A full load: nothing the previous user saw stays in memory.
    window.location.assign(SIGN_IN_PATH);
  }

  return (
    <Menu>
      <MenuTrigger className={buttonClass("ghost", "sm", "max-w-64")} aria-label={label}>
        <UserRound aria-hidden className="size-4 shrink-0" />
        <span className="truncate">{user.name}</span>
        <RoleBadge role={user.role} />
        <ChevronDown aria-hidden className="size-3.5 shrink-0" />
      </MenuTrigger>
      <MenuContent label={label}>
        <MenuLabel>
          <span className="block font-medium text-slate-900">{user.name}</span>
          <span className="block text-xs text-slate-600">{user.email}</span>
          <span className="mt-1 block text-xs text-slate-600">
            {t("signedInAs")} <RoleBadge role={user.role} />
          </span>
        </MenuLabel>
        <MenuSeparator />
        <MenuItem icon={<LogOut className="size-4" />} onSelect={() => void leave()}>
          {t("signOut")}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
