import { SiteFrame } from "@/components/ui/SiteFrame";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame locale="zh-CN">{children}</SiteFrame>;
}
