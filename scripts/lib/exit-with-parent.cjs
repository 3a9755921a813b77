// Preloaded into `next start` / `next dev` (node --require) by scripts/start.ts, which spawns
// it with an IPC channel. When the start dies, even by kill -9, the channel closes and the web
// server stops itself, instead of holding PORT as an orphan the next start would trip over.
"use strict";
if (process.send) process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
