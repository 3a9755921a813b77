// The API reference (issue 14): what the API is and how to call it with a token, in the user's
// language, above the operations of the generated OpenAPI document.
"use client";
import { Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCan } from "@/components/auth/use-can";
import { PageHeader } from "@/components/shell/page-header";
import { CodeBlock } from "@/components/ui/code-block";
import type { Region } from "@/lib/clusters/schemas";
import { ApiReference, OPENAPI_URL } from "./api-reference";
import { useOrigin } from "./use-browser";

export function ApiDocsPage({ region }: { region: Region }) {
  const t = useTranslations("apiDocs");
  const can = useCan();
  const origin = useOrigin("https://<console>");
  const example = `curl -H "Authorization: Bearer pac_…" ${origin}/api/v1/clusters?region=${region}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <a
            href={OPENAPI_URL}
            download="openapi.json"
            className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
          >
            <Download aria-hidden className="size-3.5" />
            {t("download")}
          </a>
        }
      />
      <div className="max-w-3xl space-y-4">
        <p className="text-sm text-slate-700">{t("about")}</p>
        <section aria-labelledby="api-token-title" className="space-y-2 rounded-md border border-slate-200 bg-white px-4 py-3">
          <h2 id="api-token-title" className="text-base font-semibold text-slate-900">
            {t("token.title")}
          </h2>
          <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
            <li>
              {can("admin")
                ? t.rich("token.step1", {
                    link: (chunks) => (
                      <Link href={`/${region}/settings#tokens-title`} className="text-brand-700 underline">
                        {chunks}
                      </Link>
                    ),
                  })
                : t("token.step1NotAdmin")}
            </li>
            <li>{t("token.step2")}</li>
            <li>{t("token.step3")}</li>
          </ol>
          <CodeBlock code={example} label={t("token.exampleLabel")} copyLabel={t("token.copyExample")} />
        </section>
      </div>
      <section aria-labelledby="api-operations-title" className="mt-6">
        <h2 id="api-operations-title" className="sr-only">
          {t("reference.title")}
        </h2>
        <ApiReference />
      </section>
    </>
  );
}
