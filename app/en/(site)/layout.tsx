import { SiteFooter } from "@/components/ui/SiteFooter";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { getCategories } from "@/lib/categories/queries";
import { getMessages } from "@/lib/i18n/messages";

// Header and footer of the English pages; the 404 and error pages (app/en) bring their own <main>.
export default async function EnglishSiteLayout({ children }: { children: React.ReactNode }) {
  const messages = getMessages("en");
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
