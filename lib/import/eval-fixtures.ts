import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { wmc2023Figures } from "../../prisma/seed-data/wmc-2023-figures";
import type { ExpectedFigure } from "./evaluate";

/** The test texts of the import assistant, each with the figures a person found in it. */
export const IMPORT_FIXTURES_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/import");
/** The seed release: its expected figures are the 50 hand-entered seed figures themselves. */
export const SEED_FIXTURE = "wmc-2023-results";

export interface ImportFixture {
  name: string;
  text: string;
  expected: ExpectedFigure[];
}

export function loadImportFixtures(): ImportFixture[] {
  return readdirSync(IMPORT_FIXTURES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, "");
      const text = readFileSync(path.join(IMPORT_FIXTURES_DIR, file), "utf8");
      const expected: ExpectedFigure[] =
        name === SEED_FIXTURE
          ? wmc2023Figures.map((f) => ({
              label: f.label,
              value: f.value,
              unit: f.unit,
              qualifier: f.qualifier,
            }))
          : JSON.parse(readFileSync(path.join(IMPORT_FIXTURES_DIR, `${name}.expected.json`), "utf8"));
      return { name, text, expected };
    });
}
