export function PreviewBanner({ text }: { text: string }) {
  return (
    <div className="preview-banner" role="note">
      <strong>预览</strong> {text}
    </div>
  );
}
