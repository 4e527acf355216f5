import type { Metadata, Viewport } from "next";
import { getConfig } from "@/lib/config";
import { pageAlternates } from "@/lib/seo/alternates";
import "../globals.css";

// The English edition is its own root layout, so its pages say <html lang="en"> (the Chinese
// pages' root layout is app/(zh)/layout.tsx).
export const metadata: Metadata = {
  metadataBase: new URL(getConfig().siteUrl),
  title: { default: "Pressroom", template: "%s · Pressroom" },
  description: "Press releases and figures of the World Manufacturing Convention, in English.",
  alternates: pageAlternates(undefined, undefined, { locale: "en" }),
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3a82" };

export default function EnglishLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
