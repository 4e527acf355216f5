export function RecordBadge({ note, label }: { note: string | null; label: string }) {
  // The star is CSS (::before): an inline SVG here was repeated in the page and its RSC payload.
  return (
    <span className="record-badge" title={note ?? label}>
      {note ?? label}
    </span>
  );
}
