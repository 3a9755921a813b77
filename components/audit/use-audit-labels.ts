// Words for what the audit log records. Actions and target types are listed once, in the
// catalog (audit.actions.<domain>.<verb>, audit.targetTypes); anything unknown shows raw.
"use client";
import { useMessages } from "next-intl";

type Catalog = {
  audit: {
    actions: Record<string, Record<string, string>>;
    actionGroups: Record<string, string>;
    targetTypes: Record<string, string>;
    actorTypes: Record<string, string>;
  };
};

export function useAuditLabels() {
  const { actions, actionGroups: groups, targetTypes, actorTypes } = (useMessages() as unknown as Catalog).audit;
  return {
    /** "cluster.create" → "Create cluster"; unknown actions as recorded. */
    action(action: string): string {
      const [domain = "", verb = ""] = action.split(".", 2);
      return actions[domain]?.[verb] ?? action;
    },
    targetType(type: string): string {
      return targetTypes[type] ?? type;
    },
    actorType(type: string): string {
      return actorTypes[type] ?? type;
    },
    /** Action filter options: per domain, "all of it" (a prefix the API understands) and each action. */
    actionGroups(): { value: string; label: string; actions: { value: string; label: string }[] }[] {
      return Object.entries(actions).map(([domain, verbs]) => ({
        value: domain,
        label: groups[domain] ?? domain,
        actions: Object.entries(verbs).map(([verb, label]) => ({ value: `${domain}.${verb}`, label })),
      }));
    },
    targetTypes(): { value: string; label: string }[] {
      return Object.entries(targetTypes).map(([value, label]) => ({ value, label }));
    },
  };
}
