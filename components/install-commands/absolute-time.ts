// Absolute moments of this feature name their time zone: the console formats in UTC, while the
// date picker works in the browser's zone. (dateStyle/timeStyle cannot carry a zone name.)
export const ABSOLUTE_TIME = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;
