// Times are stored as instants and always shown in China Standard Time, whatever the server's zone.
const TIME_ZONE = "Asia/Shanghai";

const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2023-09-28 16:32:08" in Beijing time. */
export function formatDateTime(iso: string | Date): string {
  return dateTime.format(new Date(iso));
}

/** "2023-09-28" in Beijing time. */
export function formatDate(iso: string | Date): string {
  return dateOnly.format(new Date(iso));
}

/** ISO 8601 with the +08:00 offset, for <time dateTime> and feeds. */
export function toBeijingIso(iso: string | Date): string {
  return `${formatDateTime(iso).replace(" ", "T")}+08:00`;
}

/**
 * The value of a datetime-local input showing this moment in Beijing time: "2023-09-28T16:32", with
 * ":08" only when the moment has seconds (so saving a form never rounds a stored time away).
 */
export function toBeijingInput(iso: string | Date): string {
  const value = formatDateTime(iso).replace(" ", "T");
  return value.endsWith(":00") ? value.slice(0, 16) : value;
}

/**
 * Whether a wall-clock time names a moment that exists: Date would roll 2月30日 over into March and
 * 24:00 into the next day instead of refusing them. The one check of every date a person typed
 * (the editor's fields, the stated publication time, dates in imported text).
 */
export function wallClockExists(year: number, month: number, day: number, hour = 0, minute = 0, second = 0) {
  return (
    [year, month, day, hour, minute, second].every(Number.isInteger) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day &&
    hour >= 0 &&
    hour < 24 &&
    minute >= 0 &&
    minute < 60 &&
    second >= 0 &&
    second < 60
  );
}

/** Beijing wall-clock time from a datetime-local input ("2023-09-28T16:32[:08]"), as an ISO instant. */
export function fromBeijingInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const [year, month, day, hour, minute, second = 0] = value.split(/[-T:]/).map(Number);
  if (!wallClockExists(year, month, day, hour, minute, second)) return null;
  const wallClock = value.length === 16 ? `${value}:00` : value;
  return new Date(`${wallClock}+08:00`).toISOString();
}
