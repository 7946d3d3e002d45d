// What an element draws of a feed's text: bounded, so that no feed can make a page
// lay out a megabyte of it.

/**
 * Text cut to at most `max` characters, with an ellipsis: what an element draws of
 * a feed's names and bodies, so that no feed can make a page lay out a megabyte of
 * text. The full text stays on the status page.
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
