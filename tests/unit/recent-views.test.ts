import { describe, expect, it } from "vitest";
import { RecentViews } from "@/lib/releases/recent-views";

const HOUR = 3_600_000;

describe("one view per address per release per hour", () => {
  it("counts an address once per release within the hour, then again after it", () => {
    let now = 0;
    const recent = new RecentViews(1000, HOUR, () => now);
    expect(recent.firstInWindow("198.51.100.1", "r1")).toBe(true);
    for (let i = 0; i < 100; i++) expect(recent.firstInWindow("198.51.100.1", "r1")).toBe(false);
    expect(recent.firstInWindow("198.51.100.1", "r2")).toBe(true);
    expect(recent.firstInWindow("198.51.100.2", "r1")).toBe(true);
    now = HOUR - 1;
    expect(recent.firstInWindow("198.51.100.1", "r1")).toBe(false);
    // Remembered for this window and the next at most.
    now = 2 * HOUR;
    expect(recent.firstInWindow("198.51.100.1", "r1")).toBe(true);
    expect(recent.firstInWindow("198.51.100.1", "r1")).toBe(false);
  });

  it("stays within its bound under 100,000 distinct forged addresses", () => {
    let now = 0;
    const recent = new RecentViews(10_000, HOUR, () => now);
    const before = process.memoryUsage().heapUsed;
    let counted = 0;
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      if (recent.firstInWindow(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, "r1")) counted++;
      largest = Math.max(largest, recent.size);
      now += 1;
    }
    expect(counted).toBe(100_000);
    expect(largest).toBe(10_000);
    // The newest addresses are still remembered; the oldest were forgotten first.
    expect(recent.firstInWindow("10.1.134.159", "r1")).toBe(false); // i = 99,999
    expect(recent.firstInWindow("10.0.0.0", "r1")).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(30 * 1024 * 1024);
  });

  it("forgets expired pairs as it goes, so quiet hours free the memory", () => {
    let now = 0;
    const recent = new RecentViews(10_000, HOUR, () => now);
    for (let i = 0; i < 5000; i++) recent.firstInWindow(`192.0.2.${i}`, "r1");
    now = 2 * HOUR;
    expect(recent.firstInWindow("192.0.2.1", "r1")).toBe(true);
    expect(recent.size).toBe(1);
  });
});
