import { formatDate, toBeijingIso } from "@/lib/i18n/format-date";
import { fill, type Messages } from "@/lib/i18n/messages";
import { releasePath } from "@/lib/i18n/paths";

/**
 * On a release page: the link to the same release in the other language (when it is public there),
 * and on a translation the note that it is one, with the day it was translated.
 */
export function TranslationLink({
  messages,
  translations,
  translatedAt = null,
}: {
  messages: Messages;
  translations: ReadonlyArray<{ locale: string; slug: string }>;
  translatedAt?: string | null;
}) {
  const other = translations.find((t) => t.locale !== messages.lang.code);
  if (!other && !translatedAt) return null;
  const t = messages.release;
  return (
    <p className="translation-note">
      {translatedAt && (
        <span>
          {fill(t.translatedFrom, { date: "" }).trim()}{" "}
          <time dateTime={toBeijingIso(translatedAt)}>{formatDate(translatedAt)}</time>
        </span>
      )}
      {other && (
        <a
          className="translation-note__link"
          href={releasePath(other.locale, other.slug)}
          hrefLang={other.locale}
          lang={other.locale}
          title={t.readTranslationLabel}
        >
          {t.readTranslation} →
        </a>
      )}
    </p>
  );
}
