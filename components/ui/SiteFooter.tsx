import type { Messages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";

export function SiteFooter({ messages }: { messages: Messages }) {
  const path = (p: string) => localePath(messages.lang.code, p);
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          {messages.site.name} · {messages.site.tagline}
        </p>
        <p className="site-footer__links">
          <a href={path("/feed.xml")}>RSS</a>
          <a href={path("/atom.xml")}>Atom</a>
          <a href={path("/feed.json")}>JSON Feed</a>
          {/* The API answers JSON, not a page: a plain link, no client-side navigation. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/releases">API</a>
        </p>
        <p className="site-footer__note">{messages.site.timeNote}</p>
      </div>
    </footer>
  );
}
