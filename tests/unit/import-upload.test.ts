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
});
