import Link from "next/link";
import { fill, type Messages } from "@/lib/i18n/messages";

interface Props {
  page: number;
  pageCount: number;
  /** The URL of page n. */
  href: (page: number) => string;
  messages: Messages;
}

export function Pagination({ page, pageCount, href, messages }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={messages.list.pagination}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {messages.list.prev}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="pagination__status">
        {fill(messages.list.page, { page })} / {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {messages.list.next} →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
