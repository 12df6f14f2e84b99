import { cleanFileName, fileNameFor } from './file-name';

describe('cleanFileName', () => {
  it('keeps ordinary names, Cyrillic included', () => {
    expect(cleanFileName('Субботник 12 мая.JPG', 'image/jpeg')).toBe('Субботник 12 мая.JPG');
  });

  it('drops folders, control and bidirectional characters', () => {
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\Анна\\фото.png', 'image/png')).toBe('фото.png');
    expect(cleanFileName('photo\u202Egpj.exe', 'image/jpeg')).toBe('photogpj.exe');
    expect(cleanFileName('a\u0000b\r\nc.gif', 'image/gif')).toBe('abc.gif');
    expect(cleanFileName('что?<за>|имя*.webp', 'image/webp')).toBe('что__за__имя_.webp');
  });

  it('falls back to a neutral name and shortens long ones, keeping the extension', () => {
    expect(cleanFileName('', 'image/webp')).toBe('image.webp');
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('image.jpg');
    expect(cleanFileName('...', 'image/gif')).toBe('image.gif');
    const long = cleanFileName(`${'я'.repeat(300)}.jpeg`, 'image/jpeg');
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('я.jpeg')).toBe(true);
  });
});

describe('fileNameFor', () => {
  it('gives the name the extension of the delivered bytes', () => {
    expect(fileNameFor('Праздник.webp', 'image/jpeg')).toBe('Праздник.jpg');
    expect(fileNameFor('схема', 'image/png')).toBe('схема.png');
    expect(fileNameFor('.hidden', 'image/gif')).toBe('.hidden.gif');
  });
});
