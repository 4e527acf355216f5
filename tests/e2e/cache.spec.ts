import { expect, test } from "@playwright/test";

// Runs with the reading tests, before any test publishes: nothing else may empty the caches meanwhile.

test.describe("caches stay warm while staff work", () => {
  test.use({ storageState: "tests/e2e/.auth/editor.json" });
  test("saving a draft does not empty the public response cache", async ({ request }) => {
    await expect
      .poll(async () => (await request.get("/releases")).headers()["x-pressroom-cache"])
      .toBe("HIT");
    const created = await request.post("/api/admin/releases", { data: { title: `缓存测试 ${Date.now()}` } });
    const { id, version } = await created.json();
    const form = {
      title: "缓存测试（改）",
      slug: `e2e-cache-${Date.now()}`,
      summary: "",
      body: "<p>草稿</p>",
      tags: [],
      figures: [],
    };
    expect(
      (
        await request.put(`/api/admin/releases/${id}`, { data: { baseVersion: version, release: form } })
      ).status(),
    ).toBe(200);
    expect(
      (
        await request.post(`/api/admin/releases/${id}/autosave`, {
          data: { baseVersion: version + 1, data: form },
        })
      ).status(),
    ).toBe(200);
    expect(
      (
        await request.post(`/api/admin/releases/${id}/transition`, {
          data: { action: "submit", baseVersion: version + 1 },
        })
      ).status(),
    ).toBe(200);
    // None of these answers carried the public-change signal. The other way a cache empties, the
    // watcher reading the outbox, is shut too: tests/integration/quiet-staff-work.test.ts shows these
    // writes put no row there (checking it here would mean sleeping past a poll).
    expect((await request.get("/releases")).headers()["x-pressroom-cache"]).toBe("HIT");
  });
});
