import type { ReactNode } from "react";

/** The body of the 404 and error pages: status, what happened, and the ways on. */
export function ErrorPanel({
  code,
  title,
  text,
  children,
}: {
  code: number;
  title: string;
  text: string;
  children: ReactNode;
}) {
  return (
    <main id="main" className="error-page">
      <p className="error-page__code" aria-hidden="true">
        {code}
      </p>
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="error-page__actions">{children}</p>
    </main>
  );
}
