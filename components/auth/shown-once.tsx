// A secret the server returns exactly once (API token, temporary password): a warning, the value
// in a read-only field that selects itself on focus, and a copy button.
"use client";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";

type Props = { label: string; value: string; warning: string; copyLabel: string };

export function ShownOnce({ label, value, warning, copyLabel }: Props) {
  return (
    <div className="space-y-3">
      <Alert tone="warning">
        <p>{warning}</p>
      </Alert>
      <Field label={label}>
        {(a) => (
          <div className="flex items-center gap-2">
            <Input
              {...a}
              value={value}
              readOnly
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono text-[13px]"
              data-autofocus
            />
            <CopyButton value={value} label={copyLabel} size="md" />
          </div>
        )}
      </Field>
    </div>
  );
}
