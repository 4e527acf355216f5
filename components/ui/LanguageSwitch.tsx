"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { counterpartPath } from "@/lib/i18n/paths";

/**
 * The header's switch to the other language: the same page where both editions have it, else the
 * other edition's home. A page whose twin has another address (a release and its translation)
 * names it in its hreflang alternate, which the switch follows once the page runs. A plain link:
 * the two editions are separate root layouts (<html lang>), so the browser loads the page anew anyway.
 */
export function LanguageSwitch({ text, label }: { text: string; label: string }) {
  const target = counterpartPath(usePathname() ?? "/");
  const [href, setHref] = useState(target.path);
  useEffect(() => {
    const alternate = document.head.querySelector<HTMLLinkElement>(
      `link[rel="alternate"][hreflang="${target.locale}"]`,
    );
    const twin = alternate ? new URL(alternate.href, location.href) : null;
    // Only an address of this site, never wherever a page's markup might point.
    setHref(twin && twin.origin === location.origin ? twin.pathname : target.path);
  }, [target.locale, target.path]);
  return (
    <a className="language-switch" href={href} hrefLang={target.locale} lang={target.locale} title={label}>
      {text}
    </a>
  );
}
