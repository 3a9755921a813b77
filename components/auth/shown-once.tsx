// A secret the server returns exactly once (API token, temporary password): a warning, the value
// in a read-only field that selects itself on focus, and a copy button.
"use client";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogBody, DialogFooter } from "@/components/ui/dialog";
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

type StepProps = Props & {
  /** What was made, in a sentence above the secret. */
  intro: ReactNode;
  doneLabel: string;
  onDone: () => void;
  /** More under the secret, e.g. how to use it. */
  children?: ReactNode;
};

/** The last step of a create dialog whose result holds a secret: the secret, then Done. */
export function ShownOnceStep({ intro, doneLabel, onDone, children, ...secret }: StepProps) {
  return (
    <>
      <DialogBody>
        <p className="text-sm text-slate-800">{intro}</p>
        <ShownOnce {...secret} />
        {children}
      </DialogBody>
      <DialogFooter>
        <Button variant="primary" onClick={onDone}>
          {doneLabel}
        </Button>
      </DialogFooter>
    </>
  );
}
