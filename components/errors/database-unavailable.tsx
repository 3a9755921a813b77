// What a page shows when the console cannot reach its database (issue 15): a clear notice instead
// of an error page, retried every few seconds, so the page comes back by itself.
"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const RETRY_SECONDS = 5;

export function DatabaseUnavailable() {
  const t = useTranslations("errors.databaseDown");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () => startTransition(() => router.refresh());
  useEffect(() => {
    const timer = setInterval(() => startTransition(() => router.refresh()), RETRY_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <main id="main" className="mx-auto max-w-2xl p-8">
      <Alert tone="warning" title={t("title")}>
        <p>{t("body", { seconds: RETRY_SECONDS })}</p>
        <div className="mt-3">
          <Button size="sm" onClick={retry} disabled={pending} aria-busy={pending || undefined}>
            <RefreshCw aria-hidden className={pending ? "size-3.5 animate-spin" : "size-3.5"} />
            {pending ? t("retrying") : t("retry")}
          </Button>
        </div>
      </Alert>
    </main>
  );
}
