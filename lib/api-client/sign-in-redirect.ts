// Where sign-in sends the user back to: only a path of this console, never another site.
export const SIGN_IN_PATH = "/sign-in";
/** Set by proxy.ts on page requests, so a server layout knows the path to come back to. */
export const REQUEST_PATH_HEADER = "x-pac-path";

/** A same-site relative path ("/cn/clusters?q=x"), else "/": no scheme, no "//host", no backslash tricks. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f]/.test(raw)) return "/";
  try {
    const url = new URL(raw, "http://console.invalid");
    if (url.origin !== "http://console.invalid" || url.pathname.startsWith(SIGN_IN_PATH)) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** The sign-in page that returns to `next` afterwards ("/" needs no parameter). */
export function signInPath(next: string): string {
  const safe = safeNextPath(next);
  return safe === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(safe)}`;
}
