// The collapsible planner in the create-cluster dialog (issue 7): nothing to submit, only answers.
"use client";
import { Calculator } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PlanResults } from "./plan-results";
import { PlannerFields } from "./planner-fields";
import { DEFAULT_PLANNER_VALUES, readPlannerValues } from "./planner-values";

export function PlannerPanel() {
  const t = useTranslations("planning");
  const [values, setValues] = useState(DEFAULT_PLANNER_VALUES);
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50">
      <summary className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm font-medium text-slate-800">
        <Calculator aria-hidden className="size-4" />
        {t("panelToggle")}
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3">
        <p className="text-xs text-slate-600">{t("panelHint")}</p>
        <PlannerFields values={values} onChange={setValues} />
        <PlanResults input={readPlannerValues(values)} />
      </div>
    </details>
  );
}
