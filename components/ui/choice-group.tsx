// A labelled group of radio choices: compact chips in a row, or cards with a description each.
// Native radios (arrow keys, one tab stop); a disabled choice says why in text.
import { clsx } from "clsx";
import { useId, type ComponentProps, type ReactNode } from "react";

export type Choice = {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  /** Set when the choice cannot be taken: it is shown disabled with this reason under it. */
  disabledReason?: ReactNode;
};

type ChoiceGroupProps = {
  legend: ReactNode;
  choices: Choice[];
  /** Spread on every radio: react-hook-form's register(name), or name/checked/onChange. */
  inputProps: Omit<ComponentProps<"input">, "type" | "value">;
  layout?: "chips" | "cards";
  hint?: ReactNode;
  error?: string;
  /** Cards only: content under a card while its choice is checked (e.g. the custom value's input). */
  detail?: (value: string) => ReactNode;
  checkedValue?: string;
  /** Marks the checked radio (checkedValue) as the dialog's first focus (data-autofocus). */
  autoFocusChecked?: boolean;
};

export function ChoiceGroup(props: ChoiceGroupProps) {
  const { legend, choices, inputProps, layout = "chips", hint, error, detail, checkedValue, autoFocusChecked } = props;
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-1.5" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className={layout === "chips" ? "flex flex-wrap gap-2" : "space-y-2"}>
        {choices.map((choice) => {
          const reasonId = `${id}-${choice.value}-reason`;
          const descriptionId = `${id}-${choice.value}-description`;
          const disabled = Boolean(choice.disabledReason);
          const describedByChoice = [choice.description ? descriptionId : null, disabled ? reasonId : null]
            .filter(Boolean)
            .join(" ");
          return (
            <div key={choice.value} className={layout === "cards" ? "block" : "contents"}>
              <label
                className={clsx(
                  "flex gap-2 rounded border text-sm",
                  layout === "chips" ? "h-8 items-center px-2.5" : "items-start px-3 py-2",
                  disabled
                    ? "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-500"
                    : "cursor-pointer border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                  "has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600",
                )}
              >
                <input
                  type="radio"
                  value={choice.value}
                  disabled={disabled}
                  data-autofocus={autoFocusChecked && checkedValue === choice.value ? true : undefined}
                  aria-describedby={describedByChoice || undefined}
                  className={clsx("size-4 shrink-0 accent-brand-600", layout === "cards" && "mt-0.5")}
                  {...inputProps}
                />
                <span className="min-w-0">
                  <span className={clsx("block", layout === "cards" && "font-medium")}>{choice.label}</span>
                  {choice.description ? (
                    <span id={descriptionId} className="mt-0.5 block text-xs font-normal text-slate-600">
                      {choice.description}
                    </span>
                  ) : null}
                  {disabled ? (
                    <span id={reasonId} className="mt-0.5 block text-xs font-normal text-slate-600">
                      {choice.disabledReason}
                    </span>
                  ) : null}
                </span>
              </label>
              {layout === "cards" && detail && checkedValue === choice.value ? (
                <div className="mt-2 pl-7">{detail(choice.value)}</div>
              ) : null}
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </div>
      ) : null}
    </fieldset>
  );
}
