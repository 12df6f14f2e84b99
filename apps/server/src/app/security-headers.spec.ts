import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, TestServer } from '../testing/test-server';
import { withNonce } from './security-headers';

const PAGE = `<!doctype html><html><head><style>:root{color:red}</style><link rel="stylesheet" href="styles.css"></head>
<body><vn-root></vn-root><script src="main.js" type="module"></script></body></html>`;

describe('security headers', () => {
  const editorDir = mkdtempSync(join(tmpdir(), 'vestnik-editor-'));
  mkdirSync(editorDir, { recursive: true });
  writeFileSync(join(editorDir, 'index.html'), PAGE);
  let plain: TestServer;
  let secure: TestServer;

  beforeAll(async () => {
    plain = await startTestServer({ VESTNIK_EDITOR_DIR: editorDir });
    secure = await startTestServer({ VESTNIK_EDITOR_DIR: editorDir, VESTNIK_PUBLIC_URL: 'https://vestnik.sakhalin.gov.ru' });
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
    rmSync(editorDir, { recursive: true, force: true });
  });

  it('serves the editor with a strict policy whose fresh nonce is on the page, and Angular told of it', async () => {
    const first = await plain.http.get('/organizations').expect(200);
    const policy = first.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("script-src 'self' 'nonce-");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(first.text).toContain(`<script nonce="${nonce}" src="main.js"`);
    expect(first.text).toContain(`<style nonce="${nonce}">`);
    expect(first.text).toContain(`<vn-root ngCspNonce="${nonce}">`);
    const second = await plain.http.get('/').expect(200);
    expect(second.headers['content-security-policy']).not.toContain(nonce as string);
  });

  it('answers the API with nothing to run or frame, and no HSTS over http', async () => {
    const res = await plain.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends HSTS when people reach Vestnik over https', async () => {
    const res = await secure.http.get('/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('puts the nonce on every script, style and stylesheet of the page', () => {
    const out = withNonce(PAGE, 'abc');
    expect(out.match(/<script(?=[\s>])/g)).toHaveLength(1);
    expect(out).not.toMatch(/<(script|style)(?![^>]*nonce="abc")[\s>]/);
    expect(out).toContain('<link nonce="abc" rel="stylesheet"');
  });
});
