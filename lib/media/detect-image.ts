export interface DetectedImage {
  mimeType: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
  extension: "png" | "jpg" | "gif" | "webp";
  width: number | null;
  height: number | null;
}

/** What an upload really is, from its first bytes: a name or a declared type proves nothing. */
export function detectImage(bytes: Buffer): DetectedImage | null {
  if (
    bytes.length >= 24 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return {
      mimeType: "image/png",
      extension: "png",
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
    };
  }
  if (bytes.length >= 10 && bytes.toString("latin1", 0, 6).match(/^GIF8[79]a$/)) {
    return {
      mimeType: "image/gif",
      extension: "gif",
      width: bytes.readUInt16LE(6),
      height: bytes.readUInt16LE(8),
    };
  }
  if (
    bytes.length >= 30 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  ) {
    const chunk = bytes.toString("latin1", 12, 16);
    if (chunk === "VP8X")
      return {
        mimeType: "image/webp",
        extension: "webp",
        width: 1 + bytes.readUIntLE(24, 3),
        height: 1 + bytes.readUIntLE(27, 3),
      };
    if (chunk === "VP8 ")
      return {
        mimeType: "image/webp",
        extension: "webp",
        width: bytes.readUInt16LE(26) & 0x3fff,
        height: bytes.readUInt16LE(28) & 0x3fff,
      };
    if (chunk === "VP8L") {
      const b = bytes.readUInt32LE(21);
      return {
        mimeType: "image/webp",
        extension: "webp",
        width: (b & 0x3fff) + 1,
        height: ((b >> 14) & 0x3fff) + 1,
      };
    }
    return { mimeType: "image/webp", extension: "webp", width: null, height: null };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    // Walk the JPEG segments to the frame header (SOF0-SOF15, except DHT/JPG/DAC), which holds the size.
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      const length = bytes.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          mimeType: "image/jpeg",
          extension: "jpg",
          height: bytes.readUInt16BE(at + 5),
          width: bytes.readUInt16BE(at + 7),
        };
      }
      at += 2 + length;
    }
    return { mimeType: "image/jpeg", extension: "jpg", width: null, height: null };
  }
  return null;
}
