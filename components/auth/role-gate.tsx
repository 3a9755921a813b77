// Controls the signed-in role may not use stay visible, disabled, and say why — in text, not
// only on hover. Menu items take gate.short as MenuItem's disabledReason.
"use client";
import { clsx } from "clsx";
import { useId, type ComponentProps } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RoleGate } from "./use-can";

type GatedButtonProps = ComponentProps<typeof Button> & { gate: RoleGate };

/**
 * A button that is inert when the role is not enough. aria-disabled, not disabled: it stays
 * focusable so keyboard and screen-reader users reach it and hear the reason.
 */
export function GatedButton({ gate, onClick, className, children, ...props }: GatedButtonProps) {
  const reasonId = useId();
  if (gate.allowed) {
    return (
      <Button onClick={onClick} className={className} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <>
      <Button
        {...props}
        aria-disabled
        aria-describedby={reasonId}
        title={gate.reason}
        onClick={(event) => event.preventDefault()}
        className={clsx("aria-disabled:cursor-not-allowed aria-disabled:opacity-60", className)}
      >
        {children}
      </Button>
      <span id={reasonId} className="sr-only">
        {gate.reason}
      </span>
    </>
  );
}

/** One line at the top of a page telling a role what it cannot do there, and how to get it. */
export function RoleNotice({ gate }: { gate: RoleGate }) {
  if (gate.allowed) return null;
  return (
    <div className="mb-3" data-testid="role-notice">
      <Alert tone="info">{gate.reason}</Alert>
    </div>
  );
}
