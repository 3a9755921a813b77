// Whether commands are shown for sudo or for a root shell (hosts without sudo, issue 13). One
// choice for every command on screen, remembered in this browser.
"use client";
import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore } from "react";

export type ShellForm = "sudo" | "root";

const KEY = "pac.shellForm";
const listeners = new Set<() => void>();

function read(): ShellForm {
  try {
    return window.localStorage.getItem(KEY) === "root" ? "root" : "sudo";
  } catch {
    return "sudo";
  }
}

function write(form: ShellForm) {
  try {
    window.localStorage.setItem(KEY, form);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  current = form;
  for (const listener of listeners) listener();
}

let current: ShellForm | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShellForm(): [ShellForm, (form: ShellForm) => void] {
  const form = useSyncExternalStore(
    subscribe,
    () => (current ??= read()),
    () => "sudo" as const,
  );
  return [form, write];
}

/** The sudo / root shell switch, as two radios. */
export function ShellFormSwitch({ settingsHint = false }: { settingsHint?: boolean }) {
  const t = useTranslations("shellForm");
  const [form, setForm] = useShellForm();
  const name = useId();
  return (
    <div className="space-y-1">
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
        <legend className="float-left mr-1 font-medium">{t("legend")}</legend>
        {(["sudo", "root"] as const).map((value) => (
          <label key={value} className="inline-flex cursor-pointer items-center gap-1">
            <input type="radio" name={name} value={value} checked={form === value} onChange={() => setForm(value)} />
            {t(value)}
          </label>
        ))}
      </fieldset>
      {settingsHint ? <p className="text-xs text-slate-600">{t(form === "root" ? "settingsRoot" : "settingsSudo")}</p> : null}
    </div>
  );
}
