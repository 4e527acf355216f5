import { describe, expect, it } from "vitest";
import { figureInputSchema } from "@/lib/figures/figure-input";
import { resolveUnit } from "@/lib/figures/units";
import { shiftDecimal } from "@/lib/figures/decimal";
import {
  buildFigureVariants,
  FIGURES_PER_RELEASE,
  generateRelease,
  syntheticKeyPool,
} from "@/lib/seed/synthetic/generate-release";
import { createRandom } from "@/lib/seed/synthetic/prng";

const keys = syntheticKeyPool();

function archive(seed: number, count: number) {
  const random = createRandom(seed);
  const variants = buildFigureVariants(random, keys);
  return Array.from({ length: count }, (_, i) =>
    generateRelease(random, {
      variants,
      event: { name: "长三角智能制造博览会", nameEn: "Yangtze River Delta Smart Manufacturing Expo" },
      publishAt: new Date(Date.UTC(2010 + (i % 17), i % 12, 1 + (i % 28))),
    }),
  );
}

describe("synthetic archive", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(archive(13, 5)).toEqual(archive(13, 5));
    expect(archive(14, 5)[0].title).not.toEqual(archive(13, 5)[0].title);
  });

  it("states every figure the way the editor would accept it, in its key's base unit", () => {
    const random = createRandom(7);
    const baseUnits = new Map(keys.map((k) => [k.key, k.baseUnit]));
    for (const rows of buildFigureVariants(random, keys).values())
      for (const row of rows) {
        const parsed = figureInputSchema.safeParse({
          ...row,
          value: row.value,
          section: "大会规模",
        });
        expect(
          parsed.success,
          `${row.key} ${row.value}${row.unit}: ${JSON.stringify(parsed.error?.issues)}`,
        ).toBe(true);
        expect(resolveUnit(row.unit).baseUnit).toBe(baseUnits.get(row.key));
        // The stored scale turns the written value into the base amount exactly.
        expect(shiftDecimal("1", resolveUnit(row.unit).exponent)).toBe(row.unitScale);
        expect(row.sourceText).toContain(row.mention);
      }
  });

  it("gives each Chinese release 50 figures of distinct keys, six key figures, each mentioned in the body", () => {
    for (const release of archive(13, 20)) {
      expect(release.figures).toHaveLength(FIGURES_PER_RELEASE);
      expect(new Set(release.figures.map((f) => f.key)).size).toBe(FIGURES_PER_RELEASE);
      expect(release.figures.filter((f) => f.highlighted)).toHaveLength(6);
      expect(release.figures.map((f) => f.sortOrder)).toEqual([...Array(FIGURES_PER_RELEASE).keys()]);
      for (const figure of release.figures) expect(release.body).toContain(figure.mention);
      expect(release.title).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(release.titleEn).toMatch(/^[\x20-\x7e]+$/);
      expect(release.body).not.toMatch(/<script|undefined|null|NaN/);
    }
  });
});
