// What only the browser knows, without a second render pass: whether this is the browser, and
// the console's address as the browser reaches it.
import { useSyncExternalStore } from "react";

const never = () => () => {};

export function useIsClient(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/** The browser's origin; on the server, a placeholder in its place. */
export function useOrigin(placeholder: string): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => placeholder,
  );
}
