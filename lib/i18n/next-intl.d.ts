// Typed message keys and locales for next-intl: a missing or misspelled key fails the type check.
import type { en } from "@/messages";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
