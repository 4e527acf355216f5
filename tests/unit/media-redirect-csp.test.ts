import { afterEach, describe, expect, it } from "vitest";
import { hashedPublicPolicy, strictPolicy } from "@/lib/http/security-headers.mjs";

const VARIABLES = [
  "MEDIA_DELIVERY",
  "MEDIA_S3_BUCKET",
  "MEDIA_S3_ENDPOINT",
  "MEDIA_S3_REGION",
  "MEDIA_S3_FORCE_PATH_STYLE",
];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const imgSrc = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("img-src"));

describe("img-src with media redirected to the bucket", () => {
  it("allows only this site's images when media go through the app", () => {
    Object.assign(process.env, { MEDIA_DELIVERY: "app", MEDIA_S3_BUCKET: "press" });
    expect(imgSrc(strictPolicy("n"))).toBe("img-src 'self' data: blob:");
  });

  it("adds the bucket's origin as the S3 client addresses it", () => {
    Object.assign(process.env, {
      MEDIA_DELIVERY: "redirect",
      MEDIA_S3_BUCKET: "press",
      MEDIA_S3_REGION: "eu-west-1",
    });
    delete process.env.MEDIA_S3_ENDPOINT;
    expect(imgSrc(strictPolicy("n"))).toBe(
      "img-src 'self' data: blob: https://press.s3.eu-west-1.amazonaws.com",
    );
    Object.assign(process.env, {
      MEDIA_S3_ENDPOINT: "http://127.0.0.1:9000/ignored",
      MEDIA_S3_FORCE_PATH_STYLE: "1",
    });
    expect(imgSrc(hashedPublicPolicy([]))).toBe("img-src 'self' data: blob: http://127.0.0.1:9000");
    // A hostile endpoint value cannot add directives: only a parsed origin is written.
    Object.assign(process.env, {
      MEDIA_S3_ENDPOINT: "https://x.example; script-src *",
      MEDIA_S3_FORCE_PATH_STYLE: "1",
    });
    expect(strictPolicy("n")).not.toMatch(/script-src \*/);
  });
});
