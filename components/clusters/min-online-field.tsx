// The proxy group's minimum of online proxies (issue 16) in the create and edit dialogs. An IP
// cluster holds one proxy (R4), so there the field is fixed at 1 and says why.
"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { MIN_ONLINE_PROXIES_MAX } from "@/lib/clusters/schemas";

type Props = {
  /** The registered input; left out when the address is an IP address. */
  input: UseFormRegisterReturn<"minOnlineProxies">;
  ipAddress: boolean;
  error?: string;
  /** A note under the hint, e.g. that the minimum is above the proxies the cluster has. */
  note?: string;
};

export function MinOnlineField({ input, ipAddress, error, note }: Props) {
  const t = useTranslations("createCluster");
  const hint = (
    <div className="space-y-1">
      <p>{ipAddress ? t("minOnlineIp") : t("minOnlineHint")}</p>
      {note && !ipAddress ? <p className="text-amber-800">{note}</p> : null}
    </div>
  );
  return (
    <Field label={t("minOnline")} hint={hint} error={ipAddress ? undefined : error}>
      {(a) =>
        ipAddress ? (
          // Not registered: the server keeps an IP cluster at 1 whatever is sent.
          <Input {...a} type="number" value={1} disabled className="tabular-nums" />
        ) : (
          <Input
            {...a}
            {...input}
            type="number"
            inputMode="numeric"
            min={1}
            max={MIN_ONLINE_PROXIES_MAX}
            step={1}
            className="tabular-nums"
          />
        )
      }
    </Field>
  );
}
