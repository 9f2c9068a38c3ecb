// A QR code as SVG, drawn on the server (qrcode-generator: pure JavaScript, no native parts), so that the
// poster prints sharp at any size and needs no script in the page.
import qrcode from 'qrcode-generator';

/** One path of dark modules, with a quiet zone of four modules as the standard asks. */
export function qrSvg(text: string, label: string): string {
  // Error correction M: a poster on a noticeboard gets creased and pinned through.
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const quiet = 4;
  const size = count + quiet * 2;
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (code.isDark(row, column)) parts.push(`M${column + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)}"` +
    ` class="qr" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path d="${parts.join('')}" fill="#000"/></svg>`
  );
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
