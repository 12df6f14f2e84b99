import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { parseBodies, requestFields, requestFiles } from '../http/request-body';
import { sniffImageType } from '../state/store';

const OK_PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

/**
 * The URL photosV2.getUploadUrl hands out: one multipart POST with files pic1..picN (N = count),
 * answered `{"photos": {"<photo_id>": {"token": "..."}}}`.
 */
export function okUploadRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.post('/:ticket', ...parseBodies, (req, res) => {
    const ticketId = String(req.params['ticket']);
    const ticket = ctx.store.ok.uploadTickets.get(ticketId);
    if (!ticket) {
      res.json({ error_code: 100, error_msg: 'PARAM : unknown upload url' });
      return;
    }
    const files = requestFiles(req);
    const fields = Object.keys(requestFields(req));
    const expected = ticket.photoIds.map((_, i) => `pic${i + 1}`);
    const stray = [...fields, ...files.map((f) => f.fieldname)].find((name) => !expected.includes(name));
    if (stray || files.length !== expected.length) {
      res.json({ error_code: 100, error_msg: `PARAM : expected files ${expected.join(', ')}${stray ? `, got field ${stray}` : ''}` });
      return;
    }
    const photos: Record<string, { token: string }> = {};
    for (const [index, photoId] of ticket.photoIds.entries()) {
      const file = files.find((f) => f.fieldname === `pic${index + 1}`);
      const type = file ? sniffImageType(file.buffer) : null;
      if (!file || !type || !OK_PHOTO_TYPES.has(type)) {
        res.json({ error_code: 100, error_msg: `PARAM : pic${index + 1} is not a JPG, PNG or GIF image` });
        return;
      }
      const image = ctx.store.saveImage(file.buffer, type, file.originalname || `pic${index + 1}`);
      const token = randomBytes(24).toString('base64url');
      ctx.store.ok.photoTokens.set(token, { imageId: image.id, gid: ticket.gid });
      photos[photoId] = { token };
    }
    ctx.store.ok.uploadTickets.delete(ticketId);
    res.json({ photos });
  });
  return router;
}
