import { siteLocale } from "./paths";

/**
 * The name of a category or event in an edition's language: English pages use its English name,
 * and the Chinese one while that is empty.
 */
export function localizedName(item: { name: string; nameEn?: string | null }, locale: string): string {
  return siteLocale(locale) === "en" ? item.nameEn?.trim() || item.name : item.name;
}
