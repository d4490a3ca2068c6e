// The app's two icons, drawn in code so they can be remade and checked: a shield with a house on it.
// Colour: 192x192, the symbol inside the central 96x96 on a solid accent background (Teams' padding rule).
// Outline: 32x32, pure white on transparent. Edges are anti-aliased by 4x4 supersampling.
import { PNG } from 'pngjs';

const ACCENT = { hex: '#1B5E8C', rgb: [0x1b, 0x5e, 0x8c] as const };

type Shape = (u: number, v: number) => boolean;

/** A shield: flat top, straight sides, curving to a point; u and v run 0..1 across its box. */
const shield: Shape = (u, v) => {
  if (v < 0.04 || v > 0.98) return false;
  const half = v <= 0.55 ? 0.44 : 0.44 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.43) ** 2));
  return Math.abs(u - 0.5) <= half;
};

/** A house: a roof and a body with a door, inside the shield. */
const house: Shape = (u, v) => {
  const roof = v >= 0.22 && v <= 0.46 && Math.abs(u - 0.5) <= ((v - 0.22) / 0.24) * 0.3;
  const body = v >= 0.46 && v <= 0.74 && Math.abs(u - 0.5) <= 0.2;
  const door = v >= 0.58 && v <= 0.74 && Math.abs(u - 0.5) <= 0.06;
  return (roof || body) && !door;
};

/** Fraction of a pixel's 16 sub-samples inside the shape. */
function coverage(shape: Shape, x: number, y: number, box: { x: number; y: number; size: number }): number {
  let inside = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      const u = (x + (i + 0.5) / 4 - box.x) / box.size;
      const v = (y + (j + 0.5) / 4 - box.y) / box.size;
      if (shape(u, v)) inside++;
    }
  return inside / 16;
}

function draw(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      const [r, g, b, a] = pixel(x, y);
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = a;
    }
  return PNG.sync.write(png);
}

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

export function colorIcon(): Buffer {
  const box = { x: 48, y: 48, size: 96 };
  return draw(192, (x, y) => {
    const white = coverage(shield, x, y, box) - coverage(house, x, y, box);
    const [r, g, b] = ACCENT.rgb;
    return [mix(r, 255, white), mix(g, 255, white), mix(b, 255, white), 255];
  });
}

export function outlineIcon(): Buffer {
  const box = { x: 1, y: 1, size: 30 };
  return draw(32, (x, y) => {
    const alpha = coverage(shield, x, y, box) - coverage(house, x, y, box);
    return [255, 255, 255, Math.round(alpha * 255)];
  });
}
