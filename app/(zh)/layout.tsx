import type { Metadata, Viewport } from "next";
import { getConfig } from "@/lib/config";
import { pageAlternates } from "@/lib/seo/alternates";
import "../globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(getConfig().siteUrl),
  title: { default: "Pressroom 新闻中心", template: "%s · Pressroom 新闻中心" },
  description: "世界制造业大会新闻发布平台：新闻稿、关键数据与历届纪录。",
  alternates: pageAlternates(),
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3a82" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
