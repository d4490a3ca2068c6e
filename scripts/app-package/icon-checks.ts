// What Teams requires of the two icons: PNG; colour 192x192; outline 32x32, white on a transparent background.
import { PNG } from 'pngjs';

const SIZES = { color: 192, outline: 32 } as const;

export function checkIcon(kind: 'color' | 'outline', file: string, bytes: Buffer): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    return [`icons.${kind}: ${file} is not a PNG image`];
  }
  const size = SIZES[kind];
  if (png.width !== size || png.height !== size) {
    return [`icons.${kind}: ${file} is ${png.width}x${png.height}; Teams needs ${size}x${size}`];
  }
  return kind === 'outline' ? checkOutline(file, png) : [];
}

function checkOutline(file: string, png: PNG): string[] {
  let transparent = 0;
  let drawn = 0;
  let coloured = 0;
  for (let at = 0; at < png.data.length; at += 4) {
    const alpha = png.data[at + 3]!;
    if (alpha === 0) transparent++;
    else {
      drawn++;
      if (png.data[at] !== 255 || png.data[at + 1] !== 255 || png.data[at + 2] !== 255) coloured++;
    }
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`icons.outline: ${file} has no transparent background`);
  if (drawn === 0) problems.push(`icons.outline: ${file} is fully transparent: nothing is drawn`);
  if (coloured > 0) problems.push(`icons.outline: ${file} has ${coloured} pixels that are not white`);
  return problems;
}
