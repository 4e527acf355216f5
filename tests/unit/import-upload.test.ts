import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DOCX_MAX_UNPACKED_BYTES } from "@/lib/import/docx-guard";
import { IMPORT_FILE_MAX_BYTES, readImportFile } from "@/lib/import/read-upload";

const utf8 = (text: string) => new TextEncoder().encode(text);
const DOCUMENT = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

async function docx(documentXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file("word/document.xml", documentXml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A zip written byte by byte, to say what a zip tool would not: `declared` entries in the end
 * record (default: all), and `prefix` bytes before the first entry with offsets that ignore them.
 */
function craftZip(
  files: Array<[string, string | Uint8Array]>,
  options: { declared?: number; prefix?: number } = {},
) {
  const prefix = Buffer.alloc(options.prefix ?? 0);
  const locals: Buffer[] = [];
  const headers: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const raw = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(raw.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    headers.push(header, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(headers);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.declared ?? files.length, 8);
  end.writeUInt16LE(options.declared ?? files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  // A prefix before a local header would not start with its signature: it goes after the first entry's
  // bytes instead, between the entries and the directory, shifting the directory but not the offsets.
  return new Uint8Array(Buffer.concat([...locals, prefix, directory, end]));
}

/** The same zip with 0xFFFF as its disk number: the mark that sends JSZip to a zip64 directory. */
function zip64Marked(zip: Uint8Array): Uint8Array {
  const marked = Buffer.from(zip);
  marked.writeUInt16LE(0xffff, marked.length - 22 + 4);
  return new Uint8Array(marked);
}

describe("reading an uploaded release", () => {
  it("reads UTF-8, UTF-16 with a BOM and GB18030 text", async () => {
    expect(await readImportFile("a.txt", utf8("参展企业974家"))).toBe("参展企业974家");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from("企业", (c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]).flat(),
    ]);
    expect(await readImportFile("a.txt", utf16)).toBe("企业");
    // "企业" in GBK
    expect(await readImportFile("a.txt", new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5]))).toBe("企业");
  });

  it("refuses a binary file renamed .txt, an empty file, an unknown type and a file over the cap", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    await expect(readImportFile("photo.txt", png)).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(readImportFile("a.txt", new Uint8Array())).rejects.toThrow("文件是空的");
    await expect(readImportFile("a.pdf", utf8("x"))).rejects.toThrow("只能导入");
    await expect(readImportFile("a.txt", new Uint8Array(IMPORT_FILE_MAX_BYTES + 1))).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("takes the text of an HTML page, a line per block, without scripts or styles", async () => {
    const html = `<html><head><title>页面</title><script>alert("x")</script></head><body><nav>首页</nav>
      <h1>示例发布</h1><p>参展企业<b>974</b>家&amp;展品3000余件。</p><style>p{}</style><p onclick="x()">第二段</p></body></html>`;
    expect(await readImportFile("a.html", utf8(html))).toBe("示例发布\n参展企业974家&展品3000余件。\n第二段");
  });

  it("reads a .docx with mammoth", async () => {
    const bytes = await docx(DOCUMENT(paragraph("示例发布") + paragraph("参展企业974家。")));
    expect(await readImportFile("a.docx", bytes)).toBe("示例发布\n参展企业974家。");
  });

  it("refuses a zip bomb .docx before unpacking it, and a .docx that is no zip", async () => {
    const huge = DOCUMENT(paragraph("数".repeat(DOCX_MAX_UNPACKED_BYTES / 3 + 10)));
    const bytes = await docx(huge);
    expect(bytes.byteLength).toBeLessThan(IMPORT_FILE_MAX_BYTES);
    await expect(readImportFile("bomb.docx", bytes)).rejects.toThrow("压缩炸弹");
    await expect(readImportFile("a.docx", utf8("not a zip"))).rejects.toThrow("不是有效的 Word 文档");
    // Building 20 MB of XML to pack takes seconds on a busy machine; the refusal itself is quick.
  }, 60_000);

  it("refuses a .docx that reads differently to mammoth's unzip than to the guard", async () => {
    const jszip = await JSZip.loadAsync(await docx(DOCUMENT(paragraph("示例发布"))));
    const parts = await Promise.all(
      ["[Content_Types].xml", "_rels/.rels"].map(async (name): Promise<[string, string]> => [
        name,
        await jszip.file(name)!.async("string"),
      ]),
    );
    const small = DOCUMENT(paragraph("示例发布"));
    const hidden = DOCUMENT(paragraph("隐藏".repeat(1000)));
    // The same entries written plainly are read: the crafted zips below differ in one thing each.
    const plain = craftZip([...parts, ["word/document.xml", small]]);
    expect(await readImportFile("a.docx", plain)).toBe("示例发布");
    for (const [what, bytes] of [
      // A second document.xml the end record does not count: JSZip reads it and it replaces the first.
      [
        "an entry past the declared count",
        craftZip([...parts, ["word/document.xml", small], ["word/document.xml", hidden]], { declared: 3 }),
      ],
      ["a repeated name", craftZip([...parts, ["word/document.xml", small], ["word/document.xml", hidden]])],
      // Bytes between the entries and the directory: JSZip shifts every offset by them.
      [
        "a directory that does not end at the end record",
        craftZip([...parts, ["word/document.xml", small]], { prefix: 64 }),
      ],
      ["fewer headers than declared", craftZip([...parts, ["word/document.xml", small]], { declared: 4 })],
      // A disk number of 0xFFFF: JSZip would look for a zip64 directory elsewhere in the file.
      ["a zip64 marker in the end record", zip64Marked(craftZip([...parts, ["word/document.xml", small]]))],
    ] as const)
      await expect(readImportFile("a.docx", bytes), what).rejects.toThrow("不是有效的 Word 文档");
  });
});
