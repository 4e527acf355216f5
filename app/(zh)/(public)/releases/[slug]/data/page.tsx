import type { Metadata } from "next";
import Link from "next/link";
import { DataLinks } from "@/components/figures/DataLinks";
import { FigureTable } from "@/components/figures/FigureTable";
import { fill, getMessages } from "@/lib/i18n/messages";
import { pageAlternates } from "@/lib/seo/alternates";
import { loadRelease } from "../load-release";

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const release = await loadRelease((await params).slug, "/data");
  const t = getMessages(release.locale).release;
  return {
    title: `${t.allFigures} · ${release.title}`,
    description: fill(t.figureCount, { count: release.figures.length }),
    alternates: pageAlternates(`/releases/${release.slug}/data`),
    robots: { index: false },
  };
}

export default async function ReleaseDataPage({ params }: Props) {
  const release = await loadRelease((await params).slug, "/data");
  const messages = getMessages(release.locale);
  const t = messages.release;
  return (
    <div className="page release-page">
      <article className="release">
        <p className="release__kicker">
          <Link href={`/releases/${release.slug}`}>← {release.title}</Link>
        </p>
        <h1 className="release__title">{t.allFigures}</h1>
        <p>
          {fill(t.figureCount, { count: release.figures.length })} ·{" "}
          {fill(t.recordCount, { count: release.recordCount })}
        </p>
        <DataLinks slug={release.slug} count={release.figures.length} messages={messages} showTable={false} />
        <FigureTable figures={release.figures} messages={messages} />
      </article>
    </div>
  );
}
