import sharp from 'sharp';

export type DemoImage = 'sea' | 'school' | 'concert' | 'snow';

/** Simple pictures drawn from shapes (no text: nothing depends on the machine's fonts). */
const SCENES: Record<DemoImage, string> = {
  sea: `<rect width="1200" height="800" fill="#8ec5e8"/><circle cx="950" cy="170" r="80" fill="#ffd45c"/>
    <polygon points="0,520 260,260 420,440 620,220 900,520" fill="#4f6d5a"/><rect y="500" width="1200" height="300" fill="#2f6f9f"/>
    <path d="M0 600 Q150 570 300 600 T600 600 T900 600 T1200 600" stroke="#cfe8f7" stroke-width="8" fill="none"/>`,
  school: `<rect width="1200" height="800" fill="#cfe3f3"/><rect y="620" width="1200" height="180" fill="#7fb069"/>
    <rect x="300" y="300" width="600" height="330" fill="#f2e3c6"/><polygon points="270,300 600,150 930,300" fill="#b5473a"/>
    ${[0, 1, 2, 3].map((i) => `<rect x="${350 + i * 140}" y="360" width="80" height="90" fill="#5b8bb5"/>`).join('')}
    <rect x="555" y="500" width="90" height="130" fill="#7a4b2a"/>`,
  concert: `<rect width="1200" height="800" fill="#1f1a3a"/><polygon points="200,0 380,0 620,800 360,800" fill="#f7e27a" opacity="0.35"/>
    <polygon points="820,0 1000,0 840,800 580,800" fill="#9ad0f5" opacity="0.35"/><rect y="600" width="1200" height="200" fill="#6b2d3a"/>
    ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${300 + i * 150}" cy="540" r="40" fill="#2c2450"/><rect x="${270 + i * 150}" y="575" width="60" height="40" fill="#2c2450"/>`).join('')}`,
  snow: `<rect width="1200" height="800" fill="#dbe9f6"/><rect y="560" width="1200" height="240" fill="#ffffff"/>
    <polygon points="520,560 600,300 680,560" fill="#2e6b4f"/><polygon points="540,450 600,230 660,450" fill="#3a7d5d"/>
    ${Array.from({ length: 40 }, (_, i) => `<circle cx="${(i * 197) % 1200}" cy="${(i * 131) % 540}" r="${4 + (i % 4)}" fill="#ffffff"/>`).join('')}`,
};

/** A JPEG of the scene, 1200×800. */
export function drawImage(kind: DemoImage): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">${SCENES[kind]}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
