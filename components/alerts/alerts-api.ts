// Browser calls of the alert and webhook endpoints (issue 14); every failure is an ApiError.
"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/lib/api-client/fetch-json";
import type {
  AlertDto,
  AlertRuleDto,
  createWebhookSchema,
  DeliveryDto,
  updateAlertRulesSchema,
  updateWebhookSchema,
  WebhookDto,
  webhookTestResponseSchema,
} from "@/lib/alerts/schemas";
import type { Region } from "@/lib/clusters/schemas";

export type { AlertDto, AlertRuleDto, DeliveryDto, WebhookDto };
export type AlertState = "open" | "resolved" | "all";
export type WebhookWithSecret = WebhookDto & { secret: string | null };
export type WebhookTestResult = z.infer<typeof webhookTestResponseSchema>;

export const alertKeys = {
  all: ["alerts"] as const,
  summary: (region: Region) => ["alerts", "summary", region] as const,
  list: (region: Region, state: AlertState) => ["alerts", "list", region, state] as const,
  rules: () => ["alert-rules"] as const,
  webhooks: () => ["webhooks"] as const,
  deliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
};

/** The header's count, polled every 15 s. */
export function useAlertSummary(region: Region) {
  return useQuery({
    queryKey: alertKeys.summary(region),
    queryFn: ({ signal }) => fetchJson<{ open: number }>(`/api/v1/alerts/summary?region=${region}`, { signal }),
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
}

type Page = { items: AlertDto[]; nextCursor: string | null };
export function useAlerts(region: Region, state: AlertState) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(region, state),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page>(
        `/api/v1/alerts?region=${region}&state=${state}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
}

export function useAlertRules() {
  return useQuery({
    queryKey: alertKeys.rules(),
    queryFn: async ({ signal }) => (await fetchJson<{ items: AlertRuleDto[] }>("/api/v1/alert-rules", { signal })).items,
  });
}

export function useSaveAlertRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof updateAlertRulesSchema>) =>
      (await fetchJson<{ items: AlertRuleDto[] }>("/api/v1/alert-rules", { method: "PUT", body })).items,
    onSuccess: (items) => client.setQueryData(alertKeys.rules(), items),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: alertKeys.webhooks(),
    queryFn: async ({ signal }) => (await fetchJson<{ items: WebhookDto[] }>("/api/v1/webhooks", { signal })).items,
  });
}

function useWebhookMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: alertKeys.webhooks() }) });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: z.input<typeof createWebhookSchema>) =>
    fetchJson<WebhookWithSecret>("/api/v1/webhooks", { method: "POST", body }),
  );
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, body }: { id: string; body: z.input<typeof updateWebhookSchema> }) =>
    fetchJson<WebhookWithSecret>(`/api/v1/webhooks/${id}`, { method: "PATCH", body }),
  );
export const useDeleteWebhook = () =>
  useWebhookMutation((id: string) => fetchJson<void>(`/api/v1/webhooks/${id}`, { method: "DELETE" }));
export const useTestWebhook = () =>
  useWebhookMutation((id: string) => fetchJson<WebhookTestResult>(`/api/v1/webhooks/${id}/test`, { method: "POST" }));

export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: alertKeys.deliveries(id ?? ""),
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ items: DeliveryDto[] }>(`/api/v1/webhooks/${id}/deliveries`, { signal })).items,
    refetchInterval: 5_000,
  });
}
