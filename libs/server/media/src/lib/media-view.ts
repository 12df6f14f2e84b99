import type { MediaView } from '@vestnik/contracts';
import type { MediaEntity } from './media.entity';

export function toMediaView(m: MediaEntity): MediaView {
  return {
    id: m.id,
    organizationId: m.organizationId,
    mimeType: m.mimeType,
    width: m.width,
    height: m.height,
    size: m.size,
    fileName: m.fileName,
    animated: m.animated,
    uploadedBy: m.uploadedBy,
    createdAt: m.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a media file: its description, never its bytes or storage keys. */
export function mediaSummary(m: MediaEntity): Record<string, unknown> {
  return { fileName: m.fileName, mimeType: m.mimeType, size: m.size, width: m.width, height: m.height, sha256: m.sha256 };
}
