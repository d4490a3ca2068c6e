// Coloured text made readable: on its colour's background, keeping where it sits and whether it shows.
import { describe, expect, it } from 'vitest';
import { readableColours } from '../../../src/cards/readable-colours.js';

describe('readableColours', () => {
  it('puts a coloured text on its own background, keeping its id, visibility and spacing', () => {
    const card = readableColours({
      body: [
        {
          type: 'TextBlock',
          text: 'Late',
          color: 'Attention',
          id: 'late',
          isVisible: false,
          spacing: 'Small',
        },
        { type: 'TextBlock', text: 'Plain', color: 'Accent' },
      ],
    });
    expect(card.body).toEqual([
      {
        type: 'Container',
        style: 'attention',
        id: 'late',
        isVisible: false,
        spacing: 'Small',
        items: [{ type: 'TextBlock', text: 'Late', color: 'Default' }],
      },
      { type: 'TextBlock', text: 'Plain', color: 'Accent' }, // accent reads on the default background
    ]);
  });

  it('inside a coloured container only drops the colour, and makes runs default text', () => {
    const card = readableColours({
      body: [
        {
          type: 'Container',
          style: 'warning',
          items: [
            { type: 'TextBlock', text: 'Kept with 2 warnings', color: 'Warning' },
            { type: 'TextBlock', text: 'Open it', color: 'Accent' },
          ],
        },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Done', color: 'Good' }] },
      ],
    });
    expect(JSON.stringify(card)).not.toMatch(/"color":"(Warning|Good|Accent)"/);
    expect((card.body as { type: string }[]).map((e) => e.type)).toEqual(['Container', 'RichTextBlock']);
  });
});
