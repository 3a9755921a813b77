// The operations of the OpenAPI document, rendered by Scalar's API reference, bundled with the
// console: it loads nothing from elsewhere (no fonts, no AI agent, no request proxy), since a
// console often runs where the browser reaches nothing but the console. Its own labels come from
// our catalogs (apiDocs.reference.ui), so they follow the console's language.
"use client";
import "@scalar/api-reference-react/style.css";
import { useLocale, useMessages, useTranslations } from "next-intl";
import { lazy, Suspense, useMemo } from "react";
import { useIsClient } from "./use-browser";

export const OPENAPI_URL = "/api/v1/openapi.json";

// Scalar renders in the browser only (a Vue app inside a React wrapper): loaded after hydration.
const ApiReferenceReact = lazy(() => import("@scalar/api-reference-react").then((m) => ({ default: m.ApiReferenceReact })));

const CONFIGURATION = {
  url: OPENAPI_URL,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  hideTestRequestButton: true,
  hideDarkModeToggle: true,
  forceDarkModeState: "light" as const,
  showDeveloperTools: "never" as const,
  documentDownloadType: "none" as const,
  layout: "modern" as const,
  // The console's router owns the address bar: Scalar writing its own history entries while a
  // link of the page navigates away would leave the browser on this page.
  urlRouting: false,
};

export function ApiReference() {
  const t = useTranslations("apiDocs.reference");
  const locale = useLocale();
  const client = useIsClient();
  // As written: Scalar fills in its own {name} placeholders.
  const translations = useMessages().apiDocs.reference.ui;
  const configuration = useMemo(() => ({ ...CONFIGURATION, localization: { locale, translations } }), [locale, translations]);
  const waiting = <p className="px-4 py-6 text-sm text-slate-600">{t("loading")}</p>;
  return (
    <div data-testid="api-reference" className="min-h-40 rounded-md border border-slate-200 bg-white">
      {client ? (
        <Suspense fallback={waiting}>
          <ApiReferenceReact configuration={configuration} />
        </Suspense>
      ) : (
        waiting
      )}
    </div>
  );
}
