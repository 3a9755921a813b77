// Next's request proxy (formerly middleware): a page request without a session cookie goes to
// the sign-in page, keeping where it was going. The cookie's validity is checked by the region
// layout (sessionUser); the API answers 401 itself, so /api is left alone.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/api-client/sign-in-redirect";

/** better-auth's session cookie with the "pac" prefix; __Secure- when served over HTTPS. */
const SESSION_COOKIES = ["pac.session_token", "__Secure-pac.session_token"];

export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc"); // Next's client-navigation marker, not part of the page address
  const path = `${url.pathname}${url.search}`;
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(signInPath(path), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, /metrics, Next's assets, the sign-in page, or files with an extension (icon.svg).
  matcher: ["/((?!api/|metrics$|_next/|sign-in|.*\\.[^/]+$).*)"],
};
