/**
 * Which (address, release) pairs were counted recently, so a reload or a script hammering the
 * beacon counts once per hour. Two time buckets (this window and the last): a pair seen in
 * either is a repeat, so a pair counts at most once an hour and again within two. Bounded: when
 * the current bucket holds half of `maxEntries` it rotates early, so a flood of forged or
 * rotating addresses costs a fixed amount of memory and at worst lets an old pair count again.
 * Sets, not an LRU map: every step is O(1), also while a flood is evicting.
 */
export class RecentViews {
  private current = new Set<string>();
  private previous = new Set<string>();
  private bucketStart: number;

  constructor(
    private readonly maxEntries: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.bucketStart = now();
  }

  get size() {
    return this.current.size + this.previous.size;
  }

  /** True the first time a pair is seen (and remembers it), false for a repeat. */
  firstInWindow(address: string, releaseId: string): boolean {
    const key = `${releaseId} ${address}`;
    const now = this.now();
    if (now - this.bucketStart >= this.windowMs)
      this.rotate(now, now - this.bucketStart >= 2 * this.windowMs);
    if (this.current.has(key) || this.previous.has(key)) return false;
    if (this.current.size >= this.maxEntries / 2) this.rotate(now, false);
    this.current.add(key);
    return true;
  }

  private rotate(now: number, dropBoth: boolean) {
    this.previous = dropBoth ? new Set() : this.current;
    this.current = new Set();
    this.bucketStart = now;
  }
}
