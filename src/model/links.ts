// Links in an update's plain text: only http and https, only whole addresses, and
// only a few per update, so that no feed can turn a text into a page of links.

/** The most links one text gets; later addresses stay text. */
export const MAX_LINKS = 3;
/** The longest address made a link; a longer one stays text. */
export const MAX_URL = 500;

/** A piece of text, with the address it links to when it is a link. */
export interface TextPart {
  text: string;
  href?: string;
}

// A host, then the characters of a URL (RFC 3986). Anything else ends it: a space,
// CJK text or punctuation, "…" (an address cut short).
const URL_IN_TEXT = /\bhttps?:\/\/\w[\w\-.~:/?#[\]@!$&'()*+,;=%]*/gi;

/**
 * The text split into plain parts and links. An address ending in sentence
 * punctuation ("…/incidents/42.") links without it, and a ")" only when the address
 * opened a bracket. An address followed by "…" was cut short and stays text.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    if (parts.length >= MAX_LINKS * 2) break;
    let url = match[0];
    // "(see https://…/42)." : the bracket and the stop are the sentence's.
    const trim = () => (url = url.replace(/[.,;:!?'*]+$/, ''));
    trim();
    while (url.endsWith(')') && url.split('(').length < url.split(')').length)
      url = url.slice(0, -1);
    trim();
    const at = match.index!;
    const end = at + url.length;
    if (url.length > MAX_URL || text[end] === '…') continue;
    parts.push({ text: text.slice(from, at) }, { text: url, href: url });
    from = end;
  }
  parts.push({ text: text.slice(from) });
  return parts.filter((part) => part.text);
}
