// Demo data is seeded once per database: by default on the embedded database only, so that
// pointing the console at a real PostgreSQL never fills it with demo servers.
// DEMO_DATA=1 forces it on, DEMO_DATA=0 off.
import { db } from "../../lib/db/client";
import { seedDemo } from "./seed-demo";

export function demoDataWanted(usingEmbedded: boolean): boolean {
  const flag = process.env.DEMO_DATA;
  return flag === undefined || flag === "" ? usingEmbedded : flag !== "0";
}

/** Returns whether this database holds the demo data. */
export async function seedIfEmpty(usingEmbedded: boolean, say: (line: string) => void): Promise<boolean> {
  if (!demoDataWanted(usingEmbedded)) return false;
  const seeded = await db().appSetting.findUnique({ where: { key: "demo_seeded_at" } });
  if (seeded) {
    say(`demo data already seeded (${String(seeded.value)})`);
  } else {
    say("seeding demo data (once)");
    await seedDemo(say);
  }
  return true;
}
