import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/session-provider";
import { DatabaseUnavailable } from "@/components/errors/database-unavailable";
import { AppShell } from "@/components/shell/app-shell";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/api-client/sign-in-redirect";
import { sessionUser } from "@/lib/auth/authenticate";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { regionParam, type RegionParams } from "./region-param";

export default async function RegionLayout(props: RegionParams & { children: ReactNode }) {
  const region = await regionParam(props);
  // proxy.ts only saw a cookie; an expired session or a disabled user is caught here.
  const headerStore = await headers();
  let user: Awaited<ReturnType<typeof sessionUser>>;
  try {
    user = await sessionUser(headerStore);
  } catch (error) {
    // The database is away (issue 15): say so, and come back by itself, instead of an error page.
    if (isDatabaseUnavailable(error)) return <DatabaseUnavailable />;
    throw error;
  }
  if (!user) redirect(signInPath(headerStore.get(REQUEST_PATH_HEADER) ?? `/${region}/clusters`));
  return (
    <SessionProvider user={{ id: user.id, email: user.email, name: user.name, role: user.role }}>
      <AppShell region={region}>{props.children}</AppShell>
    </SessionProvider>
  );
}
