// The sign-in screen: product, language switch (before signing in, too), the form.
import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SignInForm } from "./sign-in-form";

export async function SignInPage({ next }: { next: string }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="flex h-12 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <p className="flex items-center gap-2 font-semibold">
          <ShieldCheck aria-hidden className="size-5 text-brand-600" />
          {t("meta.productName")}
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-[12vh]">
        <section
          aria-labelledby="sign-in-title"
          className="w-full max-w-sm rounded-md border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h1 id="sign-in-title" className="text-xl font-semibold text-slate-900">
            {t("signIn.title")}
          </h1>
          <p className="mt-1 mb-5 text-sm text-slate-600">{t("signIn.subtitle")}</p>
          <SignInForm next={next} />
          <p className="mt-5 border-t border-slate-200 pt-4 text-xs text-slate-600">{t("signIn.noAccount")}</p>
        </section>
      </main>
    </div>
  );
}
