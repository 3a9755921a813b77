// R8: the command that stops the proxy process on its server, so the proxy goes offline and can
// be deleted. Shared by the delete refusal and the console's explanation next to Delete. And the
// answer that tells a deleted proxy's daemon to stop.
import { AppError } from "@/lib/http/errors";

export const STOP_PROXY_COMMAND = "sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy";

/** 410 to a deleted proxy's daemon (by its retired credential or its proxy id): it stops. */
export function proxyDeleted(): AppError {
  return new AppError("GONE", "This proxy server was deleted from the console; stop the proxy process.", { reason: "deleted" });
}
