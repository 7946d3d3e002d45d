// Atom and RSS sources in Node: the `feed` adapter parses with the DOMParser the
// environment provides (browsers have one; Node has none). The relay provides one
// from @xmldom/xmldom, a parser that builds an inert tree and expands no external
// entities; the adapter itself refuses any feed that declares entities, and the
// relay's client bounds the body's size before it is parsed.
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';

/** xmldom throws on XML that is not well-formed; browsers return a <parsererror> document. */
class NodeDomParser {
  parseFromString(text: string, type: string) {
    try {
      // Quiet: what was wrong is the source's problem in the feed, not log noise.
      const parser = new XmlDomParser({ onError: () => undefined });
      return parser.parseFromString(text, type as 'application/xml');
    } catch {
      return new XmlDomParser().parseFromString('<parsererror/>', 'application/xml');
    }
  }
}

/** Gives this process a DOMParser for XML, unless it already has one. */
export function provideXmlParser(): void {
  const scope = globalThis as { DOMParser?: unknown };
  scope.DOMParser ??= NodeDomParser;
}
