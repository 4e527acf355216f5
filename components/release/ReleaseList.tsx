import { Pagination } from "@/components/ui/Pagination";
import { fill, type Messages } from "@/lib/i18n/messages";
import type { ReleasePage } from "@/lib/releases/queries";
import { ReleaseCard } from "./ReleaseCard";

interface Props {
  title: string;
  description?: string | null;
  data: ReleasePage;
  messages: Messages;
  /** The URL of page n of this list. */
  pageHref: (page: number) => string;
}

export function ReleaseList({ title, description, data, messages, pageHref }: Props) {
  return (
    <div className="page list-page">
      <header className="page-header">
        <h1>{title}</h1>
        {description && <p>{description}</p>}
        <p className="page-header__count">
          {fill(messages.list.count, { total: data.total })}
          {data.page > 1 && ` · ${fill(messages.list.page, { page: data.page })}`}
        </p>
      </header>
      {data.items.length ? (
        <div className="release-list">
          {data.items.map((r) => (
            <ReleaseCard key={r.id} release={r} messages={messages} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p className="empty">{messages.list.empty}</p>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={pageHref} messages={messages} />
    </div>
  );
}
