import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FileStorage } from './file-storage.js';

/**
 * Files in an S3-compatible bucket (AWS SDK v3), so several API processes on several hosts share
 * them. Credentials come from the SDK's usual sources (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a
 * profile, an instance role); GUILDHALL_S3_ENDPOINT points it at MinIO, R2 and the like.
 */
export class S3Storage extends FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: { bucket: string; region: string; endpoint?: string; forcePathStyle: boolean }) {
    super();
    this.client = new S3Client({ region: options.region, endpoint: options.endpoint, forcePathStyle: options.forcePathStyle, maxAttempts: 3 });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return result.Body ? Buffer.from(await result.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
