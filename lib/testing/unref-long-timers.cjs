// Preloaded into the Prisma CLI by the integration setup (NODE_OPTIONS=--require ...).
// Prisma 6.19's wasm schema engine leaves a 10 s timer behind after `migrate deploy` has
// finished, so the CLI would idle 10 s before exiting. Long timers must not keep it alive;
// the setup then checks in the database that every migration was applied.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000) timer.unref();
  return timer;
};
