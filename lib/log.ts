// Structured JSON logs (pino). LOG_LEVEL=debug|info|warn|error.
import pino from "pino";

export const log = pino({ level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info") });
