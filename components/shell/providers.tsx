// Browser-side providers: one QueryClient per tab (an ended session sends to sign-in), toasts.
"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { redirectWhenSignedOut } from "@/components/auth/redirect-when-signed-out";
import { ApiError } from "@/lib/api-client/api-error";

/** Retrying a 4xx answer cannot succeed; network failures and 5xx may. */
function shouldRetry(failureCount: number, error: unknown) {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations("common");
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
        mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
        defaultOptions: { queries: { staleTime: 5_000, retry: shouldRetry }, mutations: { retry: false } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Bottom right: at the top right they covered the language switch and the user menu (issue 13 point 17). */}
      <Toaster
        position="bottom-right"
        richColors
        closeButton
        containerAriaLabel={t("notifications")}
        toastOptions={{ closeButtonAriaLabel: t("close") }}
      />
    </QueryClientProvider>
  );
}
