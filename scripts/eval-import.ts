// npm run eval:import [-- --verbose]: precision and recall of the import assistant on every test
// text in tests/fixtures/import (the seed release and the hand-made ones).
import { parseArgs } from "node:util";
import { analyzeRelease } from "../lib/import/analyze-release";
import { evaluateProposals } from "../lib/import/evaluate";
import { loadImportFixtures } from "../lib/import/eval-fixtures";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false } } });
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
const rows: string[] = [
  "| text | script | expected | proposed | matched | precision | recall | ms |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
];
let totals = { expected: 0, proposed: 0, matched: 0 };
for (const fixture of loadImportFixtures()) {
  const started = performance.now();
  const proposal = analyzeRelease(fixture.text);
  const ms = Math.round(performance.now() - started);
  const result = evaluateProposals(proposal.figures, fixture.expected);
  totals = {
    expected: totals.expected + result.expected,
    proposed: totals.proposed + result.proposed,
    matched: totals.matched + result.matched,
  };
  rows.push(
    `| ${fixture.name} | ${proposal.script} | ${result.expected} | ${result.proposed} | ${result.matched} | ${percent(result.precision)} | ${percent(result.recall)} | ${ms} |`,
  );
  if (values.verbose) {
    for (const m of result.missed)
      console.error(`${fixture.name}: missed ${m.label} ${m.value}${m.unit} (${m.qualifier ?? "exact"})`);
    for (const e of result.extra)
      console.error(
        `${fixture.name}: extra ${e.label} “${e.mention}” = ${e.baseValue} ${e.baseUnit} (${e.qualifier})`,
      );
  }
}
rows.push(
  `| **all** | | ${totals.expected} | ${totals.proposed} | ${totals.matched} | ${percent(totals.matched / Math.max(1, totals.proposed))} | ${percent(totals.matched / Math.max(1, totals.expected))} | |`,
);
console.log(rows.join("\n"));
