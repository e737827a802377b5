/**
 * A chart as a standalone SVG document (styles inlined from the page, so it looks the same outside it; the canvas
 * layers a chart paints its dense series on go in as images under the axes), and as a PNG rendered from that SVG.
 */
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'opacity'];

export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    (dst[i] as SVGElement).setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#fff';
  clone.insertBefore(
    Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'rect'), {}),
    clone.firstChild,
  );
  const rect = clone.firstChild as SVGRectElement;
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg);
  // The canvases under the SVG, bottom first, right above the background.
  let after: ChildNode = rect;
  for (const canvas of svg.parentElement?.querySelectorAll('canvas') ?? []) {
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    image.setAttribute('width', canvas.style.width || `${canvas.width}`);
    image.setAttribute('height', canvas.style.height || `${canvas.height}`);
    after.after(image);
    after = image;
  }
  return new XMLSerializer().serializeToString(clone);
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
