// Copies a value (a token, a command) to the clipboard and says so: the label turns into
// "Copied" and a polite live region announces it to screen readers.
"use client";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "./button";

type CopyButtonProps = {
  value: string;
  /** Accessible name when it should say what is copied, e.g. "Copy token"; default "Copy". */
  label?: string;
  size?: "sm" | "md";
  className?: string;
};

const RESET_MS = 2_000;

/** navigator.clipboard needs a secure context; a console on plain http behind a name falls back. */
async function writeClipboard(text: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButton({ value, label, size = "sm", className }: CopyButtonProps) {
  const t = useTranslations("copyButton");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await writeClipboard(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button size={size} className={className} onClick={() => void copy()} aria-label={label}>
        {state === "copied" ? (
          <Check aria-hidden className="size-3.5 text-green-700" />
        ) : (
          <Copy aria-hidden className="size-3.5" />
        )}
        {t(state === "idle" ? "copy" : state)}
      </Button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === "copied" ? t("copied") : state === "failed" ? t("failedHint") : ""}
      </span>
    </>
  );
}
