import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/media/byte-range";

describe("parseByteRange", () => {
  it("reads one range, an open end and a suffix, clamped to the object", () => {
    expect(parseByteRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=90-5000", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=-1000", 100)).toEqual({ start: 0, end: 99 });
  });

  it("answers unsatisfiable for a start past the end or an empty suffix", () => {
    expect(parseByteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=99999999999999999999-", 100)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=-0", 100)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=0-0", 0)).toBe("unsatisfiable");
  });

  it("sends the whole object for anything else: no header, other units, several ranges, garbage", () => {
    for (const header of [
      null,
      "",
      "items=0-1",
      "bytes=0-1,5-9",
      "bytes=5-1",
      "bytes=-",
      "bytes=a-b",
      "bytes=0-1\r\nX: y",
    ])
      expect(parseByteRange(header, 100)).toBeNull();
    expect(parseByteRange(`bytes=${"1".repeat(10_000)}-`, 100)).toBe("unsatisfiable");
  });
});
