// JSON lines on stdout (journald and `nohup ... >> proxy.log` keep them as they are).
// One object per line: time, level, msg, then the fields of the event.

/**
 * @param {Record<string, unknown>} [base] fields added to every line (e.g. the role)
 * @param {(line: string) => void} [write]
 */
export function createLogger(base = {}, write = (line) => process.stdout.write(line + "\n")) {
  const emit = (level, msg, fields = {}) => {
    const event = { time: new Date().toISOString(), level, msg, ...base, ...fields };
    write(JSON.stringify(event, (_key, value) => (value instanceof Error ? value.message : value)));
  };
  return {
    debug: (msg, fields) => (process.env.AEGIS_DEBUG ? emit("debug", msg, fields) : undefined),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, write),
  };
}

/** A logger that drops everything (the simulator runs thousands of loops). */
export const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
