// A command or token to paste into a terminal: monospace, wrapped anywhere, with a copy button.
// A command that uses sudo is offered for a root shell as well (issue 13): a switch above it.
"use client";
import { rootShellForm } from "@/lib/install-commands/command-text";
import { CopyButton } from "./copy-button";
import { ShellFormSwitch, useShellForm } from "./shell-form";

type Props = {
  code: string;
  /** Names the block for assistive technology, e.g. "Manual deploy command". */
  label: string;
  /** The copy button's accessible name, saying what it copies ("Copy the deploy command"). */
  copyLabel: string;
  /** Says how to pass settings (AEGIS_ROOT, …) to the piped script, in the chosen form. */
  settingsHint?: boolean;
};

export function CodeBlock({ code, label, copyLabel, settingsHint }: Props) {
  const [form] = useShellForm();
  const usesSudo = /(^|\s)sudo\s/.test(code);
  const shown = usesSudo && form === "root" ? rootShellForm(code) : code;
  return (
    <div className="space-y-1.5">
      {usesSudo ? <ShellFormSwitch settingsHint={settingsHint} /> : null}
      <div role="group" aria-label={label} className="flex items-start gap-2 rounded border border-slate-300 bg-slate-900 p-2">
        <pre className="min-w-0 flex-1 px-1 py-0.5 font-mono text-[13px] leading-5 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-50">
          <code data-shell-form={usesSudo ? form : undefined}>{shown}</code>
        </pre>
        <CopyButton value={shown} label={copyLabel} className="shrink-0" />
      </div>
    </div>
  );
}
