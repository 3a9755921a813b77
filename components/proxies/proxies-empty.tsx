// A cluster without proxy servers: it stays offline (R6) until one is deployed.
"use client";
import { ServerOff } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export function ProxiesEmpty({ deploy }: { deploy: ReactNode }) {
  const t = useTranslations("proxies.empty");
  return (
    <section
      aria-labelledby="proxies-empty"
      className="flex flex-col items-center rounded-md border border-dashed border-slate-300 px-6 py-12 text-center"
    >
      <ServerOff aria-hidden className="size-8 text-slate-400" />
      <h2 id="proxies-empty" className="mt-3 text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 max-w-lg text-slate-600">{t("body")}</p>
      <div className="mt-4 flex flex-col items-center">{deploy}</div>
    </section>
  );
}
