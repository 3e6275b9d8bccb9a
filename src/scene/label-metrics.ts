/**
 * Where labels sit and how big they are, shared by the page (which draws
 * them) and the camera framing in Node (which keeps them in view).
 */

/** Gap between a goroutine's start and the bottom of its label, as a share of the label size. */
export const LABEL_GAP = 0.3;

/** Font size as a share of the label's height; the rest is room for the outline and descenders. */
export const LABEL_FONT_SHARE = 0.8;

/** A generous estimate of text width per character, as a share of the label's height. */
export const LABEL_CHAR_WIDTH = 0.58;

/** Size of message value text relative to goroutine labels. */
export const VALUE_LABEL_SCALE = 0.7;

/** Values longer than this many characters are cut short with an ellipsis. */
export const VALUE_MAX_CHARS = 14;

/** The text drawn beside an arrow for a message value. */
export function valueText(value: string): string {
  const compact = value.replace(/\s+/g, ' ').trim();
  return compact.length > VALUE_MAX_CHARS ? `${compact.slice(0, VALUE_MAX_CHARS - 1)}…` : compact;
}
