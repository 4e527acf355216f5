"use client";

// Replaces the root layout when it fails, so it brings its own <html> and minimal styles.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", textAlign: "center" }}>
        <h1>页面出错了</h1>
        <p>加载页面时出现问题，请稍后重试。</p>
        <button type="button" onClick={reset}>重试</button>
      </body>
    </html>
  );
}
