// Settings → API tokens (admin): for scripts and CI, `Authorization: Bearer <token>`.
"use client";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokensTable } from "./tokens-table";
import type { ApiTokenDto } from "./tokens-api";
import { useTokens } from "./use-tokens";

export function TokensSection() {
  const t = useTranslations("tokens");
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const lastRow = useRef<string | null>(null);
  // The revoked row loses its button: focus falls back to the section heading.
  const rowButton = () =>
    document.querySelector<HTMLElement>(`[data-revoke-for="${lastRow.current}"]`) ?? document.getElementById("tokens-title");

  return (
    <section aria-labelledby="tokens-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="tokens-title" tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
            {t("title")}
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <KeyRound aria-hidden className="size-4" />
          {t("create.open")}
        </Button>
      </div>
      {tokens.data && tokens.data.length > 0 ? (
        <TokensTable
          tokens={tokens.data}
          onRevoke={(token) => {
            lastRow.current = token.id;
            setRevoking(token);
          }}
        />
      ) : tokens.data ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : tokens.isError ? (
        <ApiErrorAlert
          error={tokens.error}
          title={t("loadError")}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      ) : (
        <div role="status" aria-label={t("loading")} className="space-y-2 rounded-md border border-slate-200 p-3">
          {[0, 1].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      )}
      <CreateTokenDialog open={creating} onOpenChange={setCreating} />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} returnFocus={rowButton} />
    </section>
  );
}
