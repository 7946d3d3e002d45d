// What Storybook's Controls and docs tables may show of an element: what a page author
// sets or reads. Storybook lists every field of the manifest, protected and static ones
// included (`version`, `feed`, `lang_`), and each attribute twice, once as its
// property; this keeps the attributes, events, slots, parts and custom properties,
// and only the public fields that have no attribute.

/** The parts of a custom-elements.json this reads; everything else passes through. */
export interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
export interface Declaration {
  tagName?: string;
  members?: Member[];
  [key: string]: unknown;
}
export interface Manifest {
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** True for a member that is not for page authors. */
export function isInternal(member: Member): boolean {
  return (
    member.kind !== 'field' ||
    (member.privacy !== undefined && member.privacy !== 'public') ||
    member.static === true ||
    member.name.startsWith('_') ||
    member.name.endsWith('_')
  );
}

/** The manifest with only the members a page author uses. */
export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => !isInternal(member) && member.attribute === undefined,
        ),
      })),
    })),
  };
}
