/** One file a resource yields, placed at `data/<path>` (and found at `<mirror>/<path>` in the offline mirror). */
export interface ManifestFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Where the file sits in the source: a path under `baseUrl`, or a member of the zip archive. */
  readonly remote?: string;
}

/** How a resource is obtained from its official source. */
export type ResourceSource =
  | { readonly kind: 'files'; readonly baseUrl: string }
  | { readonly kind: 'zip'; readonly url: string }
  /** One upstream file from which ours is computed (e.g. the emoji list from the package's Python data). */
  | { readonly kind: 'derived'; readonly url: string; readonly transform: 'emoji-keys' }
  /** Made by us (e.g. golden outputs of the official scorers): only the mirror has them. */
  | { readonly kind: 'mirror-only'; readonly reason: string };

export interface Resource {
  readonly id: string;
  readonly title: string;
  readonly licence: string;
  readonly homepage: string;
  readonly source: ResourceSource;
  readonly files: readonly ManifestFile[];
  readonly note?: string;
}
