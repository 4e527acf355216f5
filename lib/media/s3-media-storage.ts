import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertMediaContentType, assertMediaKey, meteredStream, type MediaStorage } from "./media-storage";

export interface S3MediaStorageOptions {
  bucket: string;
  region: string;
  /** For stores other than AWS (MinIO, R2, s3rver …); AWS S3 when absent. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** When absent, the AWS SDK's standard chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: S3ClientConfig["credentials"];
}

// 5 MB is S3's smallest multipart part; two in flight bound an upload's memory to about 10 MB.
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
};

/** Images in one bucket of any S3-compatible store. */
export function createS3MediaStorage(options: S3MediaStorageOptions): MediaStorage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // Checksums only where S3 requires them: the SDK's default (CRC32 trailers in aws-chunked
    // bodies) is refused by several S3-compatible stores, s3rver among them. Integrity is checked
    // by our own SHA-256 instead (the content address, and media:migrate reads every copy back).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;

  return {
    kind: "s3",
    async put(key, body, { contentType, maxBytes, expectedSha256 }) {
      const metered = meteredStream(maxBytes, expectedSha256);
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: assertMediaKey(key),
          Body: metered.stream,
          ContentType: assertMediaContentType(contentType),
        },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      // A refusal by the meter (too large, wrong checksum) fails the body, so the upload stops
      // before completing: a multipart upload is aborted, a single PUT is never sent.
      const [fed, uploaded] = await Promise.allSettled([pipeline(body, metered.stream), upload.done()]);
      if (fed.status === "rejected") throw fed.reason;
      if (uploaded.status === "rejected") throw uploaded.reason;
      return metered.result();
    },
    async get(key, range) {
      try {
        const answer = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: assertMediaKey(key),
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        if (!(answer.Body instanceof Readable)) throw new Error("the S3 client returned no Node stream");
        return { body: answer.Body, contentLength: answer.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async head(key) {
      try {
        const answer = await client.send(new HeadObjectCommand({ Bucket, Key: assertMediaKey(key) }));
        return { sizeBytes: answer.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertMediaKey(key) }));
    },
    async signedUrl(key, { expiresInSeconds, contentType, signingDate }) {
      // The signed answer's type is ours, whatever metadata the object carries, and never a download.
      const command = new GetObjectCommand({
        Bucket,
        Key: assertMediaKey(key),
        ResponseContentType: assertMediaContentType(contentType),
        ResponseContentDisposition: "inline",
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds, signingDate });
    },
  };
}
