// Signs in once per demo role through the API and keeps each session for the specs: pages and
// the `api` fixture start signed in. Specs that sign out make their own session (auth.spec.ts).
import { expect, test as setup } from "@playwright/test";
import { DEMO_LOGINS, storageStatePath, type Role } from "./auth-state";

for (const role of Object.keys(DEMO_LOGINS) as Role[]) {
  setup(`sign in as the demo ${role}`, async ({ request }) => {
    const response = await request.post("/api/v1/auth/sign-in", { data: DEMO_LOGINS[role] });
    expect(response.status(), await response.text()).toBe(200);
    expect(((await response.json()) as { user: { role: string } }).user.role).toBe(role);
    await request.storageState({ path: storageStatePath(role) });
  });
}
