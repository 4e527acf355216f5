import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";

interface Props {
  messages: Messages;
  categories: Array<{ slug: string; name: string }>;
}

export function SiteHeader({ messages, categories }: Props) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {messages.site.skip}
      </a>
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__text">
            <span className="brand__name">{messages.site.name}</span>
            <span className="brand__tagline">{messages.site.tagline}</span>
          </span>
        </Link>
        <nav className="site-nav" aria-label="主导航">
          <Link href="/">{messages.site.home}</Link>
          <Link href="/releases">{messages.site.releases}</Link>
          <Link href="/editions">{messages.editions.nav}</Link>
          {categories.map((c) => (
            <Link key={c.slug} href={`/categories/${c.slug}`}>
              {c.name}
            </Link>
          ))}
          <a href="/feed.xml" className="site-nav__feed">
            {messages.site.feeds}
          </a>
        </nav>
        <form className="site-search" role="search" action="/search" method="get">
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
