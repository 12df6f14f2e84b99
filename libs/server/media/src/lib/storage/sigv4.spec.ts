import { amzDate, EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, uriEncode } from './sigv4';

describe('signV4', () => {
  // AWS's Signature Version 4 test suite, case "get-vanilla" (signature-v4-test-suite, 2015-08-30).
  it('reproduces the published get-vanilla vector', () => {
    const result = signV4(
      { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { region: 'us-east-1', service: 'service' },
      new Date('2015-08-30T12:36:00Z'),
    );
    expect(result.canonicalRequest).toBe(['GET', '/', '', 'host:example.amazonaws.com', 'x-amz-date:20150830T123600Z', '', 'host;x-amz-date', EMPTY_PAYLOAD_SHA256].join('\n'));
    expect(result.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(result.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  // Amazon S3 API reference, "Signature Calculations for the Authorization Header", example GET Object.
  it('reproduces the published S3 GetObject example', () => {
    const result = signV4(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256 },
        payloadHash: EMPTY_PAYLOAD_SHA256,
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      { region: 'us-east-1', service: 's3' },
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(result.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(result.headers.authorization).toContain('SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,');
    expect(result.headers['x-amz-date']).toBe('20130524T000000Z');
  });

  it('sorts and encodes the query string and collapses header whitespace', () => {
    const { canonicalRequest } = signV4(
      { method: 'put', url: new URL('http://127.0.0.1:9000/b/k?z=1&a=b c&a=a'), headers: { 'X-Note': '  two   words ' }, payloadHash: sha256Hex('x') },
      { accessKeyId: 'id', secretAccessKey: 'secret' },
      { region: 'ru-central1', service: 's3' },
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(canonicalRequest.split('\n').slice(0, 6)).toEqual(['PUT', '/b/k', 'a=a&a=b%20c&z=1', 'host:127.0.0.1:9000', 'x-amz-date:20260102T030405Z', 'x-note:two words']);
  });

  it('formats dates and encodes like RFC 3986', () => {
    expect(amzDate(new Date('2026-12-31T23:59:58.123Z'))).toBe('20261231T235958Z');
    expect(uriEncode("a b/c!'()*~._-я")).toBe('a%20b%2Fc%21%27%28%29%2A~._-%D1%8F');
  });
});
