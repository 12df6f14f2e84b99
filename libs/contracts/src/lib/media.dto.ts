import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Image types the server accepts; the type is read from the file's bytes, never from its name. */
export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type MediaMimeType = (typeof MEDIA_MIME_TYPES)[number];

/** Longest side of a thumbnail, in pixels. */
export const MEDIA_THUMBNAIL_SIDE = 320;

/** A stored image, as `POST /api/v1/media` and `GET /api/v1/media/:id` answer it. */
export interface MediaView {
  id: string;
  organizationId: string;
  mimeType: MediaMimeType;
  /** Pixels, after turning the photo upright by its EXIF orientation. */
  width: number;
  height: number;
  /** Bytes of the stored file (after location and other metadata were removed). */
  size: number;
  /** The uploaded file's name, cleaned; for display only. */
  fileName: string;
  /** A GIF or WebP with more than one frame. */
  animated: boolean;
  uploadedBy: string | null;
  createdAt: string;
}

/** Fields of the multipart `POST /api/v1/media` besides the file itself (`file`). */
export class UploadMediaRequest {
  @IsUUID()
  organizationId!: string;
}

/** Query of `GET /api/v1/media`. */
export class MediaListQuery {
  @IsUUID()
  organizationId!: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
