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
