import { SiteFooter } from "@/components/ui/SiteFooter";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { getCategories } from "@/lib/categories/queries";
import { getMessages } from "@/lib/i18n/messages";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const messages = getMessages();
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
