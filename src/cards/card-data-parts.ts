// Pieces the card data schemas share.
import { z } from 'zod';

export const text = z.string();
export const facts = z.array(z.object({ title: text, value: text }));
export const commands = z.array(z.object({ usage: text, description: text }));
export const lines = z.array(z.object({ line: text }));
/** Lines that each open an action's card (its reference). */
export const refLines = z.array(z.object({ line: text, ref: text }));
export const choices = z.array(z.object({ title: text, value: text }));
/** Buttons that send a command as if typed (Teams' messageBack: reaches the bot in every scope). */
export const buttons = z.array(z.object({ title: text, command: text }));
/** Buttons that open a form in a dialog (task/fetch), drawn by the verb `dialog` for the town. */
export const dialogButtons = z.array(z.object({ title: text, dialog: text, town: text }));
export const color = z.enum(['Default', 'Good', 'Warning', 'Attention', 'Accent']);
