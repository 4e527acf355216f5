"use client";

import { useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { counterpartPath, type SiteLocale } from "@/lib/i18n/paths";

const alternate = (locale: SiteLocale) =>
  document.head.querySelector<HTMLLinkElement>(`link[rel="alternate"][hreflang="${locale}"]`);

/**
 * The page's twin in the other edition as its hreflang alternates name it (a release and its
 * translation have different slugs), when those alternates are this page's own (the head names
 * this very path for its language) and the twin is on this site; else null.
 */
function hreflangTwin(pathname: string, target: SiteLocale): string | null {
  const own = alternate(target === "en" ? "zh-CN" : "en");
  const twin = alternate(target);
  if (!own || !twin) return null;
  const ownUrl = new URL(own.href, location.href);
  const twinUrl = new URL(twin.href, location.href);
  if (ownUrl.pathname !== pathname || twinUrl.origin !== location.origin) return null;
  return twinUrl.pathname;
}

// The head changes when the page does (client navigation): read it again then.
function watchHead(notify: () => void) {
  const observer = new MutationObserver(notify);
  observer.observe(document.head, { childList: true, subtree: true, attributes: true });
  return () => observer.disconnect();
}

/**
 * The header's switch to the other language: the same page where both editions have it, else the
 * other edition's home; once the page runs, the twin its hreflang alternates name (a release's
 * translation). A plain link: the two editions are separate root layouts (<html lang>), so the
 * browser loads the page anew anyway.
 */
export function LanguageSwitch({ text, label }: { text: string; label: string }) {
  const pathname = usePathname() ?? "/";
  const target = counterpartPath(pathname);
  const twin = useSyncExternalStore(
    watchHead,
    () => hreflangTwin(pathname, target.locale),
    () => null,
  );
  return (
    <a
      className="language-switch"
      href={twin ?? target.path}
      hrefLang={target.locale}
      lang={target.locale}
      title={label}
    >
      {text}
    </a>
  );
}
