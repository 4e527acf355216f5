import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format-date";
import { TRANSLATION_LABELS, type TranslationFlag } from "@/lib/translations/queries";

/** A release's English-edition state in the admin list: out of date, missing, present, or itself a translation. */
export function TranslationFlagBadge({ flag }: { flag: TranslationFlag | undefined }) {
  if (!flag) return null;
  const warn = flag === "outdated" || flag === "missing";
  return (
    <span className={warn ? "status status--warning translation-flag" : "status translation-flag"}>
      {TRANSLATION_LABELS[flag]}
    </span>
  );
}

/** The dashboard's list of English translations older than the last figure change of their original. */
export function OutdatedTranslations({
  items,
}: {
  items: Array<{ id: string; title: string; originalTitle: string; figuresChangedAt: Date }>;
}) {
  if (!items.length) return null;
  return (
    <section className="dash-column translation-outdated" aria-labelledby="outdated-title">
      <h2 id="outdated-title">
        英文版已过期 <small>{items.length}</small>
      </h2>
      <ul>
        {items.map((t) => (
          <li key={t.id}>
            <Link href={`/admin/releases/${t.id}`}>{t.title}</Link>
            <span>
              原文“{t.originalTitle}”的数据改于 {formatDateTime(t.figuresChangedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
