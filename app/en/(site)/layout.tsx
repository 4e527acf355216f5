import { SiteFrame } from "@/components/ui/SiteFrame";

// Header and footer of the English pages; the 404 and error pages (app/en) bring their own <main>.
export default function EnglishSiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame locale="en">{children}</SiteFrame>;
}
