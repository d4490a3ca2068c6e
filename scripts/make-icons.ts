// `npm run icons`: redraws manifest/color.png and manifest/outline.png (scripts/app-package/icons.ts).
import { writeFile } from 'node:fs/promises';
import { colorIcon, outlineIcon } from './app-package/icons.js';

await writeFile('manifest/color.png', colorIcon());
await writeFile('manifest/outline.png', outlineIcon());
console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
