"use client";

import { useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { counterpartPath, type SiteLocale } from "@/lib/i18n/paths";

// Next may stream a page's metadata after its content, so the alternates are looked for in the whole
// document, not the head alone.
const alternate = (locale: SiteLocale) =>
  document.querySelector<HTMLLinkElement>(`link[rel="alternate"][hreflang="${locale}"]`);

/**
 * The page's twin in the other edition as its hreflang alternates name it (a release and its
 * translation have different slugs), when those alternates are this page's own (the head names
 * this very path for its language); else null.
 */
function hreflangTwin(pathname: string, target: SiteLocale): string | null {
  const own = alternate(target === "en" ? "zh-CN" : "en");
  const twin = alternate(target);
  if (!own || !twin) return null;
  const ownUrl = new URL(own.href, location.href);
  const twinUrl = new URL(twin.href, location.href);
  if (ownUrl.pathname !== pathname) return null;
  // Only the path is taken: the link stays on this site whatever host the alternates name (SITE_URL).
  return twinUrl.pathname;
}

// The alternates change when the page does (client navigation, streamed metadata): read them again then.
function watchAlternates(notify: () => void) {
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { childList: true, subtree: true });
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
    watchAlternates,
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
