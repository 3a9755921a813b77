// A generated script holds a one-time token: never cached, never sniffed as HTML.
export function shellScriptResponse(script: string): Response {
  return new Response(script, {
    headers: {
      "content-type": "text/x-shellscript; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
