import { isLosslessWebp, sniffImageType } from './image-type';

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageType', () => {
  it('recognises the four accepted types by their first bytes', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 'rest'))).toBe('image/jpeg');
    expect(sniffImageType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('image/png');
    expect(sniffImageType(bytes('GIF87a', [1, 0]))).toBe('image/gif');
    expect(sniffImageType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses everything else, however it is named', () => {
    for (const other of [
      bytes('Это текстовый файл, переименованный в .jpg'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), // RIFF, but audio
      bytes([0, 0, 0, 0x18], 'ftypheic'), // HEIC from a phone
      bytes('%PDF-1.7'),
      bytes([0xff, 0xd8]), // too short to be a JPEG
      bytes([0x89, 0x50, 0x4e, 0x47]), // truncated PNG signature
      bytes('GIF88a'),
      Buffer.alloc(0),
    ]) {
      expect(sniffImageType(other)).toBeNull();
    }
  });
});

describe('isLosslessWebp', () => {
  it('tells VP8L from VP8 data', () => {
    expect(isLosslessWebp(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', [0, 0]))).toBe(true);
    expect(isLosslessWebp(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', [0, 0]))).toBe(false);
  });
});
