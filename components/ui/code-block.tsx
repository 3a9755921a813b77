// A command or token to paste into a terminal: monospace, wrapped anywhere, with a copy button.
"use client";
import { CopyButton } from "./copy-button";

type Props = {
  code: string;
  /** Names the block for assistive technology, e.g. "Manual deploy command". */
  label: string;
  /** The copy button's accessible name, saying what it copies ("Copy the deploy command"). */
  copyLabel: string;
};

export function CodeBlock({ code, label, copyLabel }: Props) {
  return (
    <div role="group" aria-label={label} className="flex items-start gap-2 rounded border border-slate-300 bg-slate-900 p-2">
      <pre className="min-w-0 flex-1 px-1 py-0.5 font-mono text-[13px] leading-5 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-50">
        <code>{code}</code>
      </pre>
      <CopyButton value={code} label={copyLabel} className="shrink-0" />
    </div>
  );
}
