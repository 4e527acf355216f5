import type { Metadata } from "next";
import Link from "next/link";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { getMessages } from "@/lib/i18n/messages";
import "./globals.css";

// The 404 of addresses no route matches (and of unknown slugs, which proxy.ts rewrites here). The
// site has two root layouts (app/(zh), app/en: one <html lang> each), so Next needs this page
// (experimental.globalNotFound). Chinese first, with the way to the English edition.
export const metadata: Metadata = { title: "页面不存在 · Page not found", robots: { index: false } };

export default function GlobalNotFound() {
  const zh = getMessages("zh-CN");
  const en = getMessages("en");
  return (
    <html lang="zh-CN">
      <body>
        <ErrorPanel code={404} title={zh.errors.notFoundTitle} text={zh.errors.notFoundText}>
          <Link className="button" href="/">
            {zh.errors.backHome}
          </Link>
          <Link href="/releases">{zh.site.releases}</Link>
          <a href="/en" lang="en" hrefLang="en">
            {en.errors.notFoundTitle} · {en.errors.backHome} (English)
          </a>
        </ErrorPanel>
      </body>
    </html>
  );
}
