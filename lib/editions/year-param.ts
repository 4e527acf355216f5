/** "2023" -> 2023; anything that cannot be an edition's year (1900-2299) -> null. */
export function parseEditionYear(value: string): number | null {
  return /^(19|2[0-2])\d{2}$/.test(value) ? Number(value) : null;
}
