import type { Metadata } from "next";
import { categoryOfPath } from "../categories/queries";
import { localizedName } from "../i18n/localized-name";
import { fill, getMessages } from "../i18n/messages";
import { localePath, type SiteLocale } from "../i18n/paths";
import { parsePageParam } from "../releases/page-param";
import { pageAlternates } from "./alternates";

/**
 * Title and alternates of a release list page in either edition: all releases or a category's,
 * page 1 (`page` omitted) or page n. Numbered pages have no hreflang twin: the other edition's
 * list may have fewer pages.
 */
export function releaseListMetadata(
  locale: SiteLocale,
  options: {
    page?: string;
    category?: { slug: string; name: string; nameEn: string | null; description: string | null };
  } = {},
): Metadata {
  const messages = getMessages(locale);
  const { category } = options;
  const title = category ? localizedName(category, locale) : messages.list.title;
  const base = category ? `/categories/${category.slug}` : "/releases";
  if (options.page === undefined)
    return {
      title,
      description: (locale === "zh-CN" && category?.description) || undefined,
      alternates: pageAlternates(localePath(locale, base), category ?? undefined),
    };
  const page = parsePageParam(options.page);
  if (!page) return { title };
  return {
    title: `${title} · ${fill(messages.list.page, { page })}`,
    alternates: pageAlternates(localePath(locale, `${base}/page/${page}`), category ?? undefined, {
      languages: {},
    }),
  };
}

/** generateMetadata of a category's list pages (/categories/<slug>[/page/<n>] and the English twins). */
export function categoryListMetadata(locale: SiteLocale) {
  return async ({ params }: { params: Promise<{ slug: string; page?: string }> }): Promise<Metadata> => {
    const { slug, page } = await params;
    const category = await categoryOfPath(slug);
    return category ? releaseListMetadata(locale, { category, page }) : {};
  };
}
