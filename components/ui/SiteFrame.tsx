import { getCategories } from "@/lib/categories/queries";
import { getMessages } from "@/lib/i18n/messages";
import type { SiteLocale } from "@/lib/i18n/paths";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";

/** Header (with the categories), main and footer of either edition's public pages. */
export async function SiteFrame({ locale, children }: { locale: SiteLocale; children: React.ReactNode }) {
  const messages = getMessages(locale);
  const categories = await getCategories();
  return (
    <>
      <SiteHeader messages={messages} categories={categories} />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter messages={messages} />
    </>
  );
}
