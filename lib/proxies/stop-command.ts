// R8: the command that stops the proxy process on its server, so the proxy goes offline and can
// be deleted. Shared by the delete refusal and the console's explanation next to Delete.
export const STOP_PROXY_COMMAND = "sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy";
