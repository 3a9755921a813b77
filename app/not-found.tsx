import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <p className="mb-6 flex items-center gap-2 font-semibold">
        <ShieldCheck aria-hidden className="size-5 text-brand-600" />
        {t("meta.productName")}
      </p>
      <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-slate-700">{t("notFound.body")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline underline-offset-2">
        {t("notFound.home")}
      </Link>
    </main>
  );
}
