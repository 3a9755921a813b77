// Screenshots of the pages a change touched, one per language, for a person to look at
// (issue 13: "take screenshots of every changed page in both languages").
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "e2e/artifacts/shots";

/** The whole page, or with `{ fullPage: false }` what the window shows (for a very long page). */
export async function shot(page: Page, name: string, lang: string, { fullPage = true } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage });
}
