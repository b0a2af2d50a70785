// What a repository declares about how its Dockerfiles are built: compose services and bake targets.

/** One declared build of a Dockerfile. Paths are absolute. */
export interface BuildDeclaration {
  source: 'compose' | 'bake';
  /** The compose or bake file that declares it (the last one merged, for overrides). */
  file: string;
  /** Service or target name. */
  name: string;
  context: string;
  dockerfile: string;
  /** Build args; null: given without a value stageify can know (a variable, or the environment). */
  args: Record<string, string | null>;
  target?: string;
  /** `additional_contexts` (compose) or `contexts` (bake): name → folder, or the value as written. */
  additionalContexts?: Record<string, string>;
  /** Images this build produces (compose `image:`, bake `tags`). */
  images: string[];
}

/** A compose or bake file that could not be read: which file, where, and why. */
export interface DeclarationProblem {
  file: string;
  line?: number;
  reason: string;
  /** True for a file that is valid but not read (bake HCL). */
  unread?: boolean;
}

export interface Declarations {
  /** Declared builds by absolute Dockerfile path. */
  byDockerfile: Map<string, BuildDeclaration[]>;
  /** Builds by the image they produce (normalised reference, see imageKey). */
  byImage: Map<string, BuildDeclaration>;
  problems: DeclarationProblem[];
  /** The compose and bake files read. */
  files: string[];
}
