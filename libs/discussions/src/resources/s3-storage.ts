import type { S3Client } from '@aws-sdk/client-s3';
import { FileStorage } from './file-storage.js';

/**
 * Files in an S3-compatible bucket (AWS SDK v3), so several API processes on several hosts share
 * them. Credentials come from the SDK's usual sources (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a
 * profile, an instance role); GUILDHALL_S3_ENDPOINT points it at MinIO, R2 and the like.
 */
export class S3Storage extends FileStorage {
  /** The SDK is loaded with the first file (it is over a second of every process start otherwise), then kept. */
  private sdk?: Promise<{ s3: typeof import('@aws-sdk/client-s3'); client: S3Client }>;

  constructor(private readonly options: { bucket: string; region: string; endpoint?: string; forcePathStyle: boolean }) {
    super();
  }

  private connect() {
    this.sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: new s3.S3Client({ region: this.options.region, endpoint: this.options.endpoint, forcePathStyle: this.options.forcePathStyle, maxAttempts: 3 }),
    }));
    return this.sdk;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const { s3, client } = await this.connect();
    await client.send(new s3.PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<Buffer | undefined> {
    const { s3, client } = await this.connect();
    try {
      const result = await client.send(new s3.GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return result.Body ? Buffer.from(await result.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof s3.NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
