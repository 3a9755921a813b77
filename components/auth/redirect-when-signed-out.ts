// A 401 UNAUTHENTICATED from any query or mutation means the session ended (expired, signed out
// in another tab, user disabled): go to sign-in and come back here afterwards.
import { ApiError } from "@/lib/api-client/api-error";
import { SIGN_IN_PATH, signInPath } from "@/lib/api-client/sign-in-redirect";

export function redirectWhenSignedOut(error: unknown) {
  // INVALID_CREDENTIALS is a 401 too, but it is the sign-in form's own answer.
  if (!(error instanceof ApiError) || error.code !== "UNAUTHENTICATED") return;
  const { pathname, search } = window.location;
  if (pathname.startsWith(SIGN_IN_PATH)) return;
  window.location.assign(signInPath(`${pathname}${search}`));
}
