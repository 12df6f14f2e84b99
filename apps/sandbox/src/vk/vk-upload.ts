import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { parseBodies, requestFields, requestFiles } from '../http/request-body';
import { sniffImageType } from '../state/store';

const VK_PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

/**
 * The upload server photos.getWallUploadServer points to. Takes one multipart file in field
 * `photo`; answers `{server, photo, hash}` where an empty `photo` ("[]") means it was refused,
 * as VK's upload servers do.
 */
export function vkUploadRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.post('/:ticket', ...parseBodies, (req, res) => {
    const ticket = ctx.store.vk.uploadTickets.get(String(req.params['ticket']));
    if (!ticket) {
      res.status(404).json({ error: 'unknown upload url' });
      return;
    }
    const files = requestFiles(req);
    const stray = [...Object.keys(requestFields(req)), ...files.map((f) => f.fieldname)].find((name) => name !== 'photo');
    if (stray) {
      res.json({ error: `unexpected multipart field ${stray}: send the image in field "photo"` });
      return;
    }
    const file = files.length === 1 ? files[0] : undefined;
    const type = file ? sniffImageType(file.buffer) : null;
    if (!file || !type || !VK_PHOTO_TYPES.has(type)) {
      res.json({ server: 1, photo: '[]', hash: randomBytes(8).toString('hex') });
      return;
    }
    const image = ctx.store.saveImage(file.buffer, type, file.originalname || 'photo');
    const photo = JSON.stringify([{ photo: image.id, sizes: [], kid: randomBytes(4).toString('hex') }]);
    const hash = randomBytes(16).toString('hex');
    ctx.store.vk.uploads.set(photo, { groupId: ticket.groupId, userId: ticket.userId, imageId: image.id, hash, saved: false });
    res.json({ server: 1, photo, hash });
  });
  return router;
}
