"use client";

import { usePathname } from "next/navigation";
import { counterpartPath } from "@/lib/i18n/paths";

/**
 * The header's switch to the other language: the same page where both editions have it, else the
 * other edition's home (release pages add a link to their translation). A plain link: the two
 * editions are separate root layouts (<html lang>), so the browser loads the page anew anyway.
 */
export function LanguageSwitch({ text, label }: { text: string; label: string }) {
  const target = counterpartPath(usePathname() ?? "/");
  return (
    <a
      className="language-switch"
      href={target.path}
      hrefLang={target.locale}
      lang={target.locale}
      title={label}
    >
      {text}
    </a>
  );
}
