import Link from "next/link";
import { localizedName } from "@/lib/i18n/localized-name";
import type { Messages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";
import { LanguageSwitch } from "./LanguageSwitch";

interface Props {
  messages: Messages;
  categories: Array<{ slug: string; name: string; nameEn?: string | null }>;
}

export function SiteHeader({ messages, categories }: Props) {
  const path = (p: string) => localePath(messages.lang.code, p);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {messages.site.skip}
      </a>
      <div className="site-header__inner">
        <Link href={path("/")} className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__text">
            <span className="brand__name">{messages.site.name}</span>
            <span className="brand__tagline">{messages.site.tagline}</span>
          </span>
        </Link>
        <nav className="site-nav" aria-label={messages.site.nav}>
          <Link href={path("/")}>{messages.site.home}</Link>
          <Link href={path("/releases")}>{messages.site.releases}</Link>
          <Link href={path("/editions")}>{messages.editions.nav}</Link>
          {categories.map((c) => (
            <Link key={c.slug} href={path(`/categories/${c.slug}`)}>
              {localizedName(c, messages.lang.code)}
            </Link>
          ))}
          <a href={path("/feed.xml")} className="site-nav__feed">
            {messages.site.feeds}
          </a>
          <LanguageSwitch text={messages.site.switchLanguage} label={messages.site.switchLanguageLabel} />
        </nav>
        <form className="site-search" role="search" action={path("/search")} method="get">
          <label className="visually-hidden" htmlFor="site-search-q">
            {messages.search.label}
          </label>
          <input
            id="site-search-q"
            name="q"
            type="search"
            placeholder={messages.search.nav}
            maxLength={100}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit">{messages.search.submit}</button>
        </form>
      </div>
    </header>
  );
}
