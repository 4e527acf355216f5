import { notFound } from "next/navigation";
import { parsePageParam } from "./page-param";
import type { ReleasePage } from "./queries";

/**
 * Page n of a list from its URL segment (/releases/page/<n>, /categories/<slug>/page/<n>, and their
 * English twins), or the 404 for a page that is not there (page 1 lives at the list's own URL).
 */
export async function loadListPage(
  segment: string,
  read: (page: number) => Promise<ReleasePage>,
): Promise<ReleasePage> {
  const page = parsePageParam(segment);
  if (!page) notFound();
  const data = await read(page);
  if (page > data.pageCount) notFound();
  return data;
}
