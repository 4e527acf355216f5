export function RecordBadge({ note, label }: { note: string | null; label: string }) {
  return (
    <span className="record-badge" title={note ?? label}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"><path fill="currentColor" d="M8 1l2.2 4.5 4.8.7-3.5 3.4.8 4.9L8 12.2 3.7 14.5l.8-4.9L1 6.2l4.8-.7z" /></svg>
      {note ?? label}
    </span>
  );
}
