// A start-up problem the person starting the console can fix. Scripts print its message as one
// line saying what to do, never a stack trace.
export class StartupError extends Error {
  override name = "StartupError";
}
