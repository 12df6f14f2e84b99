import type { Request, Response } from 'express';
import multer from 'multer';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { requestFiles } from '../http/request-body';
import { finish } from '../state/faults';
import { sniffImageType } from '../state/store';
import type { MaxFailure } from './max-wire';

const MB = 1024 * 1024;
/** The upload docs: "до 50 МБ". The 7680×7680 px bound is not checked (the sandbox reads no dimensions). */
const IMAGE_MAX_BYTES = 50 * MB;
/** The docs' formats that the sandbox recognises by their first bytes (TIFF, BMP, HEIC are not sniffed). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

const parseMultipart = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 2 } }).any();

const uploadError = (message: string): MaxFailure => ({ status: 400, code: 'upload.error', message });

function send(res: Response, failure: MaxFailure): void {
  res.status(failure.status).json({ code: failure.code, message: failure.message });
}

/**
 * The URL `POST /uploads?type=image` hands out: one multipart POST with the file in field `data`
 * (no Authorization needed, as on MAX's upload host), answered `{photos: {<key>: {token}}}`.
 * A ticket is good once; the token is "not ready" for `attachmentReadyMs` after this answer.
 */
export async function maxUpload(ctx: SandboxContext, ticketId: string, req: Request, res: Response): Promise<void> {
  if (req.method !== 'POST') return send(res, { status: 405, code: 'method.not.allowed', message: 'Upload with POST' });
  const ticket = ctx.store.max.uploadTickets.get(ticketId);
  if (!ticket) return send(res, { status: 404, code: 'not.found', message: 'Unknown or used upload URL' });
  if (!req.is('multipart/form-data')) return send(res, uploadError('Send the file as multipart/form-data in field "data"'));
  const parsed = await new Promise<Error | null>((resolve) => parseMultipart(req, res, (error?: unknown) => resolve(error instanceof Error ? error : null)));
  if (parsed) return send(res, uploadError(parsed.message.includes('too large') ? 'The image is larger than 50 MB' : parsed.message));
  const files = requestFiles(req);
  const fields = Object.keys((req.body ?? {}) as Record<string, unknown>);
  const stray = [...fields, ...files.map((f) => f.fieldname)].find((name) => name !== 'data');
  if (stray) return send(res, uploadError(`Unexpected field "${stray}": the file goes in field "data"`));
  if (files.length !== 1) return send(res, uploadError('Exactly one file is expected in field "data"'));
  const type = sniffImageType(files[0].buffer);
  if (!type || !IMAGE_TYPES.has(type)) return send(res, uploadError('The file is not a JPG, PNG or GIF image'));

  const fault = ctx.faults.take('max', 'upload', undefined);
  const faulted = await ctx.faults.applyBefore(fault, req, res, (f) =>
    send(res, { status: f.errorCode ?? 500, code: f.errorKey ?? 'upload.error', message: f.errorMessage ?? 'Injected fault' }),
  );
  if (faulted) return;
  const image = ctx.store.saveImage(files[0].buffer, type, files[0].originalname || 'image');
  const token = randomBytes(32).toString('base64url');
  const photoId = ctx.store.max.nextPhotoId++;
  ctx.store.max.photos.set(token, { token, photoId, imageId: image.id, botUserId: ticket.botUserId, uploadedAt: ctx.clock.now(), uploadedWallAt: Date.now() });
  ctx.store.max.uploadTickets.delete(ticketId);
  finish(fault, req, res, () => res.json({ photos: { [`${photoId}${randomBytes(6).toString('hex')}`]: { token } } }));
}
