import type { Metadata } from "next";
import EnglishNotFound from "../not-found";

// The English 404, in the English root layout (<html lang="en">): proxy.ts sends every English
// address that names no page here, with status 404 (an unmatched URL would otherwise get Next's one
// global 404, the Chinese one). The same panel as app/en/not-found.tsx. Rendered per request, never
// kept: each made-up address would otherwise be a file of Next's cache.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function MissingEnglishPage() {
  return <EnglishNotFound />;
}
