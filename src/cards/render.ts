import { AppError } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import { CARD_DATA, CARD_NAMES, type CardData, type CardName } from './card-data.js';
import { readableColours } from './readable-colours.js';

/** An Adaptive Card as sent to Teams: plain JSON. */
export type Card = Record<string, unknown>;

/** The cards/ folder of this package, found from here whether running from src/ or dist/src/. */
export function cardsDirectory(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'cards', 'action.json'))) return join(dir, 'cards');
    if (dirname(dir) === dir) throw AppError.internal(`no cards/ folder above ${start}`);
  }
}

/** Renders card templates; each template is read once. User text is data, never template: "${x}" stays text. */
export class CardRenderer {
  private readonly templates = new Map<CardName, ACData.Template>();

  constructor(directory = cardsDirectory()) {
    for (const name of CARD_NAMES) {
      this.templates.set(
        name,
        new ACData.Template(JSON.parse(readFileSync(join(directory, `${name}.json`), 'utf8'))),
      );
    }
  }

  render<N extends CardName>(name: N, data: CardData<N>): Card {
    const checked = CARD_DATA[name].parse(data);
    return readableColours(this.templates.get(name)!.expand({ $root: checked }) as Card);
  }
}
