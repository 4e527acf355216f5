import { formatDateTime, toBeijingIso } from "@/lib/i18n/format-date";
import type { Messages } from "@/lib/i18n/messages";
import type { PublicRelease } from "@/lib/releases/public-dto";

export function ChangeNotes({
  notes,
  messages,
}: {
  notes: PublicRelease["changeNotes"];
  messages: Messages;
}) {
  if (!notes.length) return null;
  const t = messages.release;
  return (
    <aside className="change-notes" aria-labelledby="change-notes-title">
      <h2 id="change-notes-title" className="section-title">
        {t.changes}
      </h2>
      <ul>
        {notes.map((n) => (
          <li key={n.createdAt}>
            <strong>{n.kind === "correction" ? t.correction : t.update}</strong>
            <time dateTime={toBeijingIso(n.createdAt)}>{formatDateTime(n.createdAt)}</time>
            <p>{n.note}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
