import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrateDatabase } from "@/lib/database/migrate";
import { findPublishedRelease } from "@/lib/releases/queries";
import { SEED_RELEASE_SLUG, seedDatabase } from "@/lib/seed/seed-database";

const url = process.env.DATABASE_URL!;

describe("migrations and seed", () => {
  beforeAll(async () => {
    await seedDatabase();
  });

  it("applied every migration once and re-running applies nothing", async () => {
    const again = await migrateDatabase(url);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    await client.end();
    const names = tables.rows.map((r) => r.tablename);
    for (const t of [
      "release",
      "figure",
      "event",
      "edition",
      "category",
      "tag",
      "media",
      "app_user",
      "revision",
      "audit_log",
      "cache_invalidation",
    ]) {
      expect(names).toContain(t);
    }
  });

  it("is idempotent", async () => {
    const count = async () => ({
      releases: await db.release.count({ where: { slug: SEED_RELEASE_SLUG } }),
      figures: await db.figure.count({ where: { release: { slug: SEED_RELEASE_SLUG } } }),
      events: await db.event.count({ where: { slug: "wmc" } }),
      editions: await db.edition.count({ where: { year: 2023, event: { slug: "wmc" } } }),
      revisions: await db.revision.count({ where: { release: { slug: SEED_RELEASE_SLUG } } }),
    });
    const before = await count();
    const second = await seedDatabase();
    expect(second.generatedAdmin).toBeUndefined();
    expect(await count()).toEqual(before);
    expect(before).toMatchObject({ releases: 1, figures: 50, events: 1, editions: 1, revisions: 1 });
    expect(await db.user.count({ where: { role: "admin" } })).toBeGreaterThan(0);
  });

  it("seeds the release as published, with its page chrome", async () => {
    const found = await findPublishedRelease(SEED_RELEASE_SLUG);
    if (!found || !("release" in found)) throw new Error("seed release not visible");
    const r = found.release;
    expect(r.title).toBe("2023世界制造业大会创多项历届之“最”");
    expect(r.publishAt).toBe("2023-09-28T08:32:08.000Z");
    expect(r.sourceName).toBe("安徽日报");
    expect(r.category?.name).toBe("安徽省资讯");
    expect(r.viewCount).toBeGreaterThanOrEqual(2719);
    expect(r.edition).toMatchObject({
      year: 2023,
      city: "合肥",
      theme: "智造世界·创造美好",
      startDate: "2023-09-20",
      endDate: "2023-09-24",
    });
    expect(r.body.match(/<h2>/g)).toHaveLength(5);
    expect(r.body).toContain("<h2>着眼国家级定位</h2><h3>高端交流更加深入</h3>");
    expect(r.body.match(/<figure class="photo">/g)).toHaveLength(2);
    expect(r.body).toContain('<span class="credit">蔡菡泠摄</span>');
    expect(r.body).not.toMatch(/THE END|新媒体服务|温馨提示/);
  });

  it("has every figure with its exact value, unit, qualifier and record claim", async () => {
    const found = await findPublishedRelease(SEED_RELEASE_SLUG);
    if (!found || !("release" in found)) throw new Error("seed release not visible");
    const byKey = new Map(found.release.figures.map((f) => [f.key, f]));
    const expected: Array<[string, string, string, string, string]> = [
      // key, display, baseValue, baseUnit, qualifier
      ["guests", "1.6万名", "16000", "名", "exact"],
      ["vip_guests", "2158名", "2158", "名", "exact"],
      ["exhibition_area", "8万平方米", "80000", "平方米", "exact"],
      ["exhibitors", "974家", "974", "家", "exact"],
      ["exhibited_products", "3000余件", "3000", "件", "more_than"],
      ["visitors_offline", "35.9万人次", "359000", "人次", "exact"],
      ["visits_online", "1382.8万人次", "13828000", "人次", "exact"],
      ["peak_day_visitors", "突破10万人次", "100000", "人次", "over"],
      ["signed_projects", "587个", "587", "个", "exact"],
      ["signed_investment", "3425亿元", "342500000000", "元", "exact"],
      ["manufacturing_projects", "534个", "534", "个", "exact"],
      ["manufacturing_investment", "3060亿元", "306000000000", "元", "exact"],
      ["manufacturing_project_share", "91%", "91", "%", "exact"],
      ["soe_investment", "651亿元", "65100000000", "元", "exact"],
      ["total_coverage", "约4.8万篇(条)", "48000", "篇(条)", "about"],
      ["livestream_views", "超3000万人次", "30000000", "人次", "over"],
      ["short_video_plays", "近1000万次", "10000000", "次", "nearly"],
      ["article_reads", "过100万次", "1000000", "次", "over"],
      ["launches", "70余项", "70", "项", "more_than"],
      ["events", "60场次", "60", "场次", "exact"],
    ];
    for (const [key, display, baseValue, baseUnit, qualifier] of expected) {
      expect(byKey.get(key), key).toMatchObject({ display, baseValue, baseUnit, qualifier });
    }
    const records = found.release.figures
      .filter((f) => f.isRecord)
      .map((f) => f.key)
      .sort();
    expect(records).toEqual(
      [
        "events",
        "exhibition_area",
        "exhibitors",
        "guests",
        "media_outlets",
        "overseas_guests",
        "peak_day_visitors",
        "visiting_provinces",
        "vip_guests",
        "visitors_offline",
      ].sort(),
    );
    expect(byKey.get("peak_day_visitors")?.recordNote).toBe("创历届单日参观纪录");
    expect(found.release.keyFigures.map((f) => f.key)).toEqual([
      "guests",
      "exhibition_area",
      "exhibitors",
      "visitors_offline",
      "visits_online",
      "events",
      "signed_projects",
      "signed_investment",
    ]);
    for (const f of found.release.figures) {
      expect(
        f.sourceText && found.release.body.includes(f.sourceText),
        `${f.key} source sentence is in the body`,
      ).toBe(true);
    }
  });
});
