// npm run -s release:import -- --file PATH [--json] [--keep-original-script] [--save [--edition YEAR]]
// Proposes a draft from a release as text (.txt, .html, .docx): prints it (JSON with --json), and
// creates the draft only with --save, in the edition --edition names or else the one the text
// suggests (its year, event name, city and date; none when ambiguous). Talks to the same database as the server (joins a running
// embedded PostgreSQL) for the key registry. Bad input: one line on stderr, exit code 2. The draft
// keeps the text's stated date as its 原文发布时间.
import { open } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { connectDatabase } from "../lib/database/connect";
import { migrateDatabase } from "../lib/database/migrate";
import { StartupError } from "../lib/database/startup-error";
import { AppError } from "../lib/errors";
import type { ImportProposal } from "../lib/import/analyze-release";
import { IMPORT_FILE_MAX_BYTES, importFileKind, readImportFile } from "../lib/import/read-upload";

const USAGE =
  "Usage: npm run -s release:import -- --file PATH [--json] [--keep-original-script] [--save [--edition YEAR]]";

class UsageError extends Error {}

/** The file's bytes, refused by its size before any of it is read. */
async function readFileCapped(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r").catch(() => {
    throw new UsageError(`无法打开文件：${file}`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`不是文件：${file}`);
    if (info.size > IMPORT_FILE_MAX_BYTES)
      throw new AppError("payload_too_large", `文件过大（上限 ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB）`);
    const bytes = new Uint8Array(info.size);
    await handle.read(bytes, 0, info.size, 0);
    return bytes;
  } finally {
    await handle.close();
  }
}

function printSummary(proposal: ImportProposal) {
  const r = proposal.release;
  console.log(
    `标题：${r.title}\n来源：${r.sourceName ?? "—"}  作者：${r.byline ?? "—"}  日期：${r.publishedAt ?? "—"}${r.publishedAt && !r.publishedAtHasTime ? "（原文未写时刻，按北京时间 00:00）" : ""}`,
  );
  console.log(
    `文字：${proposal.script === "traditional" ? "繁体" : "简体"}  数据：${proposal.figures.length} 项`,
  );
  for (const f of proposal.figures)
    console.log(
      `${f.confidence.toFixed(2)}  ${f.key.padEnd(28)} ${f.label}：${f.mention} = ${f.baseValue} ${f.baseUnit}${f.isRecord ? `  [${f.recordNote}]` : ""}`,
    );
}

function toJson(proposal: ImportProposal) {
  const { title, sourceName, byline, publishedAt, body } = proposal.release;
  return {
    release: { title, sourceName, byline, publishedAt, body },
    script: proposal.script,
    figures: proposal.figures.map((f) => ({
      label: f.label,
      value: f.value,
      unit: f.unit,
      baseValue: f.baseValue,
      baseUnit: f.baseUnit,
      qualifier: f.qualifier,
      qualifierWord: f.qualifierWord,
      mention: f.mention,
      sourceText: f.sourceText,
      isRecord: f.isRecord,
      recordNote: f.recordNote,
      key: f.key,
      confidence: f.confidence,
    })),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: "string" },
      json: { type: "boolean", default: false },
      save: { type: "boolean", default: false },
      edition: { type: "string" },
      "keep-original-script": { type: "boolean", default: false },
    },
  });
  if (!values.file) throw new UsageError(USAGE);
  if (values.edition !== undefined && (!values.save || !/^\d{4}$/.test(values.edition)))
    throw new UsageError(`--edition 需要四位年份，并与 --save 一起使用\n${USAGE}`);
  importFileKind(values.file);
  const text = await readImportFile(path.basename(values.file), await readFileCapped(values.file));

  const db = await connectDatabase();
  try {
    process.env.DATABASE_URL = db.url;
    await migrateDatabase(db.url);
    const { analyzeRelease, PROPOSAL_THRESHOLD } = await import("../lib/import/analyze-release");
    const {
      createDraftFromImport,
      findEditionIdByYear,
      loadKeyFigureKeys,
      loadRegistryKeys,
      suggestImportPlacement,
    } = await import("../lib/import/import-release");
    const proposal = analyzeRelease(text, {
      registry: await loadRegistryKeys(),
      keyFigureKeys: await loadKeyFigureKeys(),
      keepOriginalScript: values["keep-original-script"],
    });
    let draftId: string | null = null;
    if (values.save) {
      const placement = await suggestImportPlacement(text, proposal);
      const editionId = values.edition
        ? await findEditionIdByYear(Number(values.edition))
        : placement.editionId;
      if (!values.edition && placement.editionReason)
        console.error(
          placement.editionId
            ? `届次：${placement.editionReason}`
            : `届次：未选择（${placement.editionReason}，或用 --edition YEAR 指定）`,
        );
      // What the review screen accepts by default: confident rows that name their subject.
      const figures = proposal.figures.filter((f) => f.confidence >= PROPOSAL_THRESHOLD && f.label);
      const release = await createDraftFromImport(SYSTEM_ACTOR, {
        release: proposal.release,
        editionId,
        categoryId: placement.categoryId,
        figures,
      });
      draftId = release.id;
    }
    if (values.json)
      console.log(JSON.stringify({ ...toJson(proposal), ...(draftId ? { draftId } : {}) }, null, 2));
    else {
      printSummary(proposal);
      if (draftId) console.log(`已创建草稿：${draftId}`);
    }
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(`✖ ${error.message.split("\n").join(" ")}`);
      process.exit(2);
    }
    if (error instanceof ZodError) {
      console.error(`✖ ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      process.exit(2);
    }
    if (error instanceof StartupError) console.error(`✖ ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
