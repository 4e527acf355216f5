import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { formatDate } from "@/lib/i18n/format-date";
import { routeHandler } from "@/lib/http/route-handler";
import { getMessages } from "@/lib/i18n/messages";
import { getPublishedRelease } from "@/lib/releases/queries";
import { resolvePublicSlug } from "@/lib/releases/public-slug";

// GET /releases/[slug]/share.png - the 1200×630 share card: title and three key figures
const size = { width: 1200, height: 630 };

// Drawn once per release and kept as a static file until the release changes (tags).
export const dynamic = "force-static";
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

// Noto Sans SC from an npm package (no font download at run time): Chinese renders on any server.
const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
let fonts: Promise<Array<{ name: string; data: Buffer; weight: 400 | 700 }>> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(/*turbopackIgnore: true*/ FONT_DIR, "400Regular/NotoSansSC_400Regular.ttf")).then(
      (data) => ({ name: "Noto Sans SC", data, weight: 400 as const }),
    ),
    readFile(path.join(/*turbopackIgnore: true*/ FONT_DIR, "700Bold/NotoSansSC_700Bold.ttf")).then(
      (data) => ({ name: "Noto Sans SC", data, weight: 700 as const }),
    ),
  ]);
  return fonts;
}

export const GET = routeHandler(
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    const resolved = await resolvePublicSlug(
      slug,
      getPublishedRelease,
      (current) => `/releases/${current}/share.png`,
    );
    if ("response" in resolved) return resolved.response;
    const { release } = resolved.found;
    const site = getMessages().site;
    const figures = (release.keyFigures.length ? release.keyFigures : release.figures).slice(0, 3);

    return new ImageResponse(
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          background: "#f4f6fa",
          fontFamily: "Noto Sans SC",
        }}
      >
        <div
          style={{
            display: "flex",
            alignItems: "center",
            gap: 18,
            background: "#0b3a82",
            color: "#fff",
            padding: "26px 56px",
          }}
        >
          <div
            style={{
              display: "flex",
              width: 52,
              height: 52,
              borderRadius: 10,
              background: "#fff",
              color: "#0b3a82",
              fontSize: 34,
              fontWeight: 700,
              alignItems: "center",
              justifyContent: "center",
            }}
          >
            P
          </div>
          <div style={{ fontSize: 30, fontWeight: 700 }}>{site.name}</div>
          {release.edition && (
            <div
              style={{ marginLeft: "auto", fontSize: 24, opacity: 0.9 }}
            >{`${release.edition.event.name} · ${release.edition.year} · ${release.edition.city}`}</div>
          )}
        </div>
        <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, padding: "40px 56px 36px" }}>
          <div
            style={{
              display: "flex",
              width: "100%",
              fontSize: release.title.length > 24 ? 50 : 60,
              fontWeight: 700,
              color: "#1a1f2b",
              lineHeight: 1.25,
            }}
          >
            {release.title}
          </div>
          <div style={{ display: "flex", gap: 24, marginTop: "auto" }}>
            {figures.map((f) => (
              <div
                key={f.key}
                style={{
                  display: "flex",
                  flexDirection: "column",
                  flex: 1,
                  background: f.isRecord ? "#fdecec" : "#e8effb",
                  borderRadius: 16,
                  padding: "22px 26px",
                }}
              >
                <div
                  style={{
                    display: "flex",
                    alignItems: "baseline",
                    color: f.isRecord ? "#b4121b" : "#0b3a82",
                  }}
                >
                  <span style={{ fontSize: 64, fontWeight: 700 }}>{f.display.replace(f.unit, "")}</span>
                  <span style={{ fontSize: 30, marginLeft: 6 }}>{f.unit}</span>
                </div>
                <div style={{ fontSize: 26, color: "#4a5263" }}>{f.label}</div>
              </div>
            ))}
          </div>
          <div style={{ display: "flex", marginTop: 26, fontSize: 22, color: "#566070" }}>
            {`${release.sourceName ? `${release.sourceName} · ` : ""}${formatDate(release.publishAt)} · ${site.tagline}`}
          </div>
        </div>
      </div>,
      { ...size, fonts: await loadFonts() },
    );
  },
);
