// Settings: your account for everyone; users and API tokens for admins, a plain word for others.
"use client";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AlertRulesSection } from "@/components/alerts/alert-rules-section";
import { WebhooksSection } from "@/components/alerts/webhooks-section";
import { ChangePasswordDialog } from "@/components/auth/change-password-dialog";
import { RoleBadge } from "@/components/auth/role-badge";
import { useSession } from "@/components/auth/session-provider";
import { useCan } from "@/components/auth/use-can";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TokensSection } from "@/components/tokens/tokens-section";
import { UsersSection } from "@/components/users/users-section";

export function SettingsPage() {
  const t = useTranslations();
  const can = useCan();
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <div className="max-w-6xl space-y-8">
        <AccountSection />
        {can("admin") ? (
          <>
            <UsersSection />
            <TokensSection />
          </>
        ) : (
          <section aria-labelledby="admin-only-title" className="max-w-3xl">
            <h2 id="admin-only-title" className="mb-2 text-base font-semibold text-slate-900">
              {t("settings.adminOnly.title")}
            </h2>
            <Alert tone="info">
              <p>{t("settings.adminOnly.body")}</p>
            </Alert>
          </section>
        )}
        <AlertRulesSection />
        <WebhooksSection />
      </div>
    </>
  );
}

function AccountSection() {
  const t = useTranslations();
  const user = useSession();
  const [changing, setChanging] = useState(false);
  return (
    <section aria-labelledby="account-title" className="max-w-3xl">
      <div className="mb-2 flex items-end justify-between gap-3">
        <h2 id="account-title" className="text-base font-semibold text-slate-900">
          {t("account.title")}
        </h2>
        <Button size="sm" onClick={() => setChanging(true)}>
          <KeyRound aria-hidden className="size-3.5" />
          {t("account.password.open")}
        </Button>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
        <dt className="text-slate-600">{t("users.fields.name")}</dt>
        <dd className="text-slate-900">{user.name}</dd>
        <dt className="text-slate-600">{t("users.fields.email")}</dt>
        <dd className="text-slate-900">{user.email}</dd>
        <dt className="text-slate-600">{t("users.fields.role")}</dt>
        <dd className="text-slate-900">
          <RoleBadge role={user.role} /> <span className="ml-1 text-slate-700">{t(`roles.descriptions.${user.role}`)}</span>
        </dd>
      </dl>
      <ChangePasswordDialog open={changing} onOpenChange={setChanging} />
    </section>
  );
}
