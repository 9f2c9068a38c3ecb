// Renders public/icon.svg to the PNG icons the manifest and iOS need, in Debian's Chromium.
// Run after changing the SVG: `node scripts/icons.mjs`. The PNGs are committed as source assets.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const PUBLIC = new URL('../public/', import.meta.url);
const BACKGROUND = '#8f3a1f';

/** `bleed`: fill the square with the icon's colour and shrink the mark, for masks and iOS (no transparency). */
const OUTPUTS = [
  { file: 'icon-192.png', size: 192, scale: 1, bleed: false },
  { file: 'icon-512.png', size: 512, scale: 1, bleed: false },
  // Maskable: the mark stays inside the central 80% circle whatever shape the launcher cuts.
  { file: 'icon-maskable-512.png', size: 512, scale: 0.8, bleed: true },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.9, bleed: true },
];

const svg = await readFile(new URL('icon.svg', PUBLIC), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, scale, bleed } of OUTPUTS) {
    await page.setViewportSize({ width: size, height: size });
    const inner = Math.round(size * scale);
    const background = bleed ? BACKGROUND : 'transparent';
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${background}">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>` +
        `</body></html>`,
    );
    await page.screenshot({
      path: new URL(file, PUBLIC).pathname,
      omitBackground: !bleed,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote public/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
