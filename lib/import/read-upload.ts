import mammoth from "mammoth";
import { parse } from "node-html-parser";
import { AppError } from "../errors";
import { assertSafeDocx } from "./docx-guard";

import { IMPORT_UPLOAD_MAX_BYTES } from "../http/body-limits";

/** The largest file the assistant accepts (a results release with its Word styling is under 200 KB). */
export const IMPORT_FILE_MAX_BYTES = IMPORT_UPLOAD_MAX_BYTES;

export type ImportFileKind = "txt" | "html" | "docx";

const KINDS: Record<string, ImportFileKind> = {
  txt: "txt",
  text: "txt",
  html: "html",
  htm: "html",
  docx: "docx",
};
/** Elements whose text is never release text. */
const DROPPED_ELEMENTS = "script, style, noscript, template, iframe, object, embed, svg, head, nav, footer";
/** Elements that start a new line of text. */
const BLOCK_ELEMENTS = new Set([
  "P",
  "DIV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "TR",
  "BR",
  "SECTION",
  "ARTICLE",
  "BLOCKQUOTE",
  "TITLE",
]);

export function importFileKind(fileName: string): ImportFileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  const kind = KINDS[extension];
  if (!kind) throw new AppError("unsupported_media_type", "只能导入 .txt、.html 或 .docx 文件");
  return kind;
}

/** The plain text of an uploaded release, one paragraph a line; refuses what is not a text. */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > IMPORT_FILE_MAX_BYTES)
    throw new AppError("payload_too_large", `文件过大（上限 ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB）`);
  if (bytes.byteLength === 0) throw new AppError("bad_request", "文件是空的");
  const kind = importFileKind(fileName);
  const text =
    kind === "docx"
      ? await readDocx(bytes)
      : kind === "html"
        ? htmlToText(decodeText(bytes))
        : decodeText(bytes);
  if (!text.trim()) throw new AppError("bad_request", "文件中没有文字");
  return text;
}

/**
 * Text files come as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK from older
 * Windows editors. Bytes that are none of these, or hold control characters, are not a text.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      try {
        text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      } catch {
        text = null;
      }
    }
  }
  if (text === null || /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/.test(text))
    throw new AppError("unsupported_media_type", "文件不是文本：请上传 .txt、.html 或 .docx，或直接粘贴文字");
  return text.replace(/^\ufeff/, "");
}

/** The text of an HTML page, a line per block, without scripts, styles or page chrome. */
export function htmlToText(html: string): string {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  for (const node of root.querySelectorAll(DROPPED_ELEMENTS)) node.remove();
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    if (line.trim()) lines.push(line.replace(/\s+/g, " ").trim());
    line = "";
  };
  const walk = (node: ReturnType<typeof parse>) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.text;
      else if (child.nodeType === 1) {
        const tag = (child as ReturnType<typeof parse>).tagName ?? "";
        const block = BLOCK_ELEMENTS.has(tag);
        if (block) flush();
        walk(child as ReturnType<typeof parse>);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines.join("\n");
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  assertSafeDocx(bytes);
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(value);
  } catch {
    throw new AppError("unsupported_media_type", "文件不是有效的 Word 文档（.docx）");
  }
}
