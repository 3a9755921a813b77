// 日本語 / English: stores the choice in the NEXT_LOCALE cookie and re-renders on the server.
"use client";
import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { writeCookie } from "./sections";

// Each language is named in itself so a reader of either can find theirs.
const LANGUAGES: { locale: Locale; label: string }[] = [
  { locale: "ja", label: "日本語" },
  { locale: "en", label: "English" },
];

export function LanguageSwitch() {
  const t = useTranslations("shell");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    writeCookie(LOCALE_COOKIE, locale);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t("languageLabel")} aria-busy={pending} className="flex items-center gap-0.5">
      {LANGUAGES.map(({ locale, label }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          className={clsx(
            "rounded px-2 py-1 text-xs",
            locale === current
              ? "font-semibold text-slate-900 underline underline-offset-4"
              : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
