import type { Messages } from "@/lib/i18n/messages";

export function SiteFooter({ messages }: { messages: Messages }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          {messages.site.name} · {messages.site.tagline}
        </p>
        <p className="site-footer__links">
          <a href="/feed.xml">RSS</a>
          <a href="/atom.xml">Atom</a>
          <a href="/feed.json">JSON Feed</a>
          {/* The API answers JSON, not a page: a plain link, no client-side navigation. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/releases">API</a>
        </p>
        <p className="site-footer__note">时间均为北京时间 (UTC+08:00)</p>
      </div>
    </footer>
  );
}
