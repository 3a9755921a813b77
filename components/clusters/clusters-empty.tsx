// No clusters: either the region has none yet (offer to create one) or the search found none.
"use client";
import { Network, Plus, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { GatedButton } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { Button } from "@/components/ui/button";

type Props = { q: string; onCreate: () => void; onClearSearch: () => void };

export function ClustersEmpty({ q, onCreate, onClearSearch }: Props) {
  const t = useTranslations("clusters");
  const operator = useRoleGate("operator");
  const searching = q !== "";
  const Icon = searching ? SearchX : Network;
  return (
    <section
      aria-labelledby="clusters-empty"
      className="flex flex-col items-center rounded-md border border-dashed border-slate-300 px-6 py-12 text-center"
    >
      <Icon aria-hidden className="size-8 text-slate-400" />
      <h2 id="clusters-empty" className="mt-3 text-base font-semibold">
        {searching ? t("empty.searchTitle", { q }) : t("empty.title")}
      </h2>
      <p className="mt-1 max-w-lg text-slate-600">{searching ? t("empty.searchBody") : t("empty.body")}</p>
      <div className="mt-4">
        {searching ? (
          <Button onClick={onClearSearch}>{t("clearSearch")}</Button>
        ) : (
          <GatedButton gate={operator} variant="primary" onClick={onCreate}>
            <Plus aria-hidden className="size-4" />
            {t("create")}
          </GatedButton>
        )}
      </div>
    </section>
  );
}
