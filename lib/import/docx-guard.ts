import { inflateRawSync } from "node:zlib";
import { AppError } from "../errors";

/** What a .docx may unpack to: a long release is well under 1 MB of XML. */
export const DOCX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
const DOCX_MAX_ENTRIES = 2000;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const notDocx = () => new AppError("unsupported_media_type", "文件不是有效的 Word 文档（.docx）");
const bomb = () =>
  new AppError("payload_too_large", "Word 文档解压后过大，疑似压缩炸弹：请另存为较小的文件或粘贴文字");

/**
 * Checks a .docx (a zip) before mammoth unpacks it: every entry is inflated here with a hard cap on
 * the output, so a zip bomb (or a header that understates a size) is refused having cost at most
 * the cap, never the memory mammoth would spend.
 *
 * The zip must also read the same to every reader, or the check would be of other entries than
 * mammoth's (JSZip) unpacks: JSZip reads central directory headers for as long as they follow one
 * another, whatever count the end record declares, shifts every offset when the directory does not
 * end where the end record starts, and lets a later entry of the same name replace an earlier one.
 * So the declared entries must be exactly the headers there are, on one disk (no zip64), the
 * directory must end at the end record, and no name may repeat (as stored; JSZip's renaming by a
 * Unicode path field aside, every entry is still inflated under the cap here).
 */
export function assertSafeDocx(bytes: Uint8Array): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < 22 || data.readUInt32LE(0) !== LOCAL_HEADER) throw notDocx();
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65535); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw notDocx();
  const entries = data.readUInt16LE(end + 10);
  if (entries > DOCX_MAX_ENTRIES) throw bomb();
  // One disk, all its entries on it: a 0xFFFF in any of these sends JSZip to a zip64 directory
  // found anywhere in the file (a comment, a stored entry's bytes), which this check never reads.
  if (
    data.readUInt16LE(end + 4) !== 0 ||
    data.readUInt16LE(end + 6) !== 0 ||
    data.readUInt16LE(end + 8) !== entries
  )
    throw notDocx();
  let at = data.readUInt32LE(end + 16);
  if (at + data.readUInt32LE(end + 12) !== end) throw notDocx();
  let budget = DOCX_MAX_UNPACKED_BYTES;
  let hasDocument = false;
  const names = new Set<string>();
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notDocx();
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    if (names.has(name)) throw notDocx();
    names.add(name);
    if (name === "word/document.xml") hasDocument = true;
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_HEADER) throw notDocx();
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) throw notDocx();
    const body = data.subarray(start, start + compressed);
    if (method === 0) budget -= body.length;
    else if (method === 8) {
      try {
        budget -= inflateRawSync(body, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if (error instanceof RangeError) throw bomb();
        throw notDocx();
      }
    } else throw notDocx();
    if (budget < 0) throw bomb();
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Headers past the declared count (or a directory shorter than it says) are read by JSZip alone.
  if (at !== end) throw notDocx();
  if (!hasDocument) throw notDocx();
}
