// The signed-in user, read on the server by the region layout and handed to client components.
"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";

export type SessionUser = { id: string; email: string; name: string; role: Role };

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the region pages, which never render without one. */
export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSession() needs a <SessionProvider> (the region layout provides it).");
  return user;
}
