import { Pagination } from "@/components/ui/Pagination";
import { localizedName } from "@/lib/i18n/localized-name";
import { fill, getMessages } from "@/lib/i18n/messages";
import type { SiteLocale } from "@/lib/i18n/paths";
import { listPageHref } from "@/lib/releases/page-param";
import type { ReleasePage } from "@/lib/releases/queries";
import { ReleaseCard } from "./ReleaseCard";

interface Props {
  locale: SiteLocale;
  data: ReleasePage;
  /** A category's list; none: all releases of the edition. */
  category?: { slug: string; name: string; nameEn: string | null; description: string | null } | null;
}

/** A page of a release list in either edition: all releases or one category's. */
export function ReleaseList({ locale, data, category }: Props) {
  const messages = getMessages(locale);
  const title = category
    ? fill(messages.category.title, { name: localizedName(category, locale) })
    : messages.list.title;
  // Category descriptions are written in Chinese only; they start the list's first page.
  const description = locale === "zh-CN" && data.page === 1 ? category?.description : null;
  const pageHref = listPageHref(locale, category ? `/categories/${category.slug}` : "/releases");
  return (
    <div className="page list-page">
      <header className="page-header">
        <h1>{title}</h1>
        {description && <p>{description}</p>}
        <p className="page-header__count">
          {fill(messages.list.count, { total: data.total })}
          {data.page > 1 && ` · ${fill(messages.list.page, { page: data.page })}`}
        </p>
      </header>
      {data.items.length ? (
        <div className="release-list">
          {data.items.map((r) => (
            <ReleaseCard key={r.id} release={r} messages={messages} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p className="empty">{messages.list.empty}</p>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={pageHref} messages={messages} />
    </div>
  );
}
