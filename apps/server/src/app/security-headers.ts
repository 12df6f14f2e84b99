import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';

/**
 * The editor's page gets a fresh nonce per answer: only our own files and elements carrying that nonce
 * may run or style it, so injected markup cannot execute. Style attributes stay allowed (Angular
 * writes some; they cannot run code). Everything else the server answers may not be framed or run anything.
 */
export function editorContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Swagger UI (`/api/docs`) is served by its package with inline styles; it still runs only files of ours. */
const DOCS_POLICY = ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"].join('; ');
/** API answers and files: nothing to run, nothing to frame. */
const DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** helmet's headers, our CSP per kind of answer, and HSTS only when people reach us over https. */
export function securityHeaders(publicUrl: string): RequestHandler[] {
  const https = publicUrl.startsWith('https:');
  return [
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
    (req: Request, res: Response, next: NextFunction) => {
      // The editor's page sets its own policy with its nonce (see serveEditor); this one holds for the rest.
      res.setHeader('Content-Security-Policy', req.path.startsWith('/api/docs') ? DOCS_POLICY : DEFAULT_POLICY);
      next();
    },
  ];
}

/** Adds the nonce to the page's own elements and tells Angular to put it on the styles it adds. */
export function withNonce(indexHtml: string, nonce: string): string {
  return indexHtml
    .replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${nonce}"`)
    .replace(/<link rel="stylesheet"/g, `<link nonce="${nonce}" rel="stylesheet"`)
    .replace(/<vn-root(?=[\s>])/, `<vn-root ngCspNonce="${nonce}"`);
}
