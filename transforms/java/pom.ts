// What a pom.xml says about the artifact `mvn package` writes: target/<finalName>.<extension>,
// finalName defaulting to <artifactId>-<version>, with ${…} properties resolved from the pom.
import { child, descendants, parseXml, textAt } from './xml-lite';

export interface PomInfo {
  artifactId: string | null;
  version: string | null;
  packaging: string;
  /** File name of the main artifact (`hello-1.2.0.jar`), or null when it cannot be told. */
  artifactFile: string | null;
  /** Build output folder relative to the project (`target`). */
  buildDir: string;
  modules: string[];
  /** Plugins that put more jars next to the main one (shade, source, javadoc, assembly, classifiers). */
  extraJars: string[];
  /** Folders relative to the project that the jar's manifest class path needs (`target/lib`). */
  classpathDirs: string[];
}

const EXTENSIONS: Record<string, string> = { jar: 'jar', war: 'war', ear: 'ear', ejb: 'jar', bundle: 'jar', 'maven-plugin': 'jar', rar: 'rar' };
const EXTRA_JAR_PLUGINS = ['maven-shade-plugin', 'maven-source-plugin', 'maven-javadoc-plugin', 'maven-assembly-plugin'];

export function readPom(text: string): PomInfo | null {
  const project = parseXml(text);
  if (!project || project.name !== 'project') return null;
  const props = new Map<string, string>();
  const artifactIdRaw = textAt(project, 'artifactId');
  const versionRaw = textAt(project, 'version') ?? textAt(project, 'parent', 'version');
  const groupId = textAt(project, 'groupId') ?? textAt(project, 'parent', 'groupId');
  for (const p of child(project, 'properties')?.children ?? []) props.set(p.name, p.text);
  const builtin = (name: string): string | null => {
    switch (name) {
      case 'project.artifactId': case 'pom.artifactId': case 'artifactId': return artifactIdRaw;
      case 'project.version': case 'pom.version': case 'version': return versionRaw;
      case 'project.groupId': case 'pom.groupId': case 'groupId': return groupId;
      case 'project.parent.version': return textAt(project, 'parent', 'version');
      default: return null;
    }
  };
  const resolve = (s: string | null): string | null => resolveProps(s, (n) => props.get(n) ?? builtin(n));
  const artifactId = resolve(artifactIdRaw);
  const version = resolve(versionRaw);
  const packaging = resolve(textAt(project, 'packaging')) ?? 'jar';
  const build = child(project, 'build');
  const buildDirRaw = resolve(textAt(build, 'directory'));
  const buildDir = buildDirRaw ? buildDirRaw.replace(/^\$\{project\.basedir\}\/?|^\$\{basedir\}\/?/, '') : 'target';
  const finalNameRaw = textAt(build, 'finalName');
  const finalName = finalNameRaw !== null ? resolve(finalNameRaw) : artifactId && version ? `${artifactId}-${version}` : null;
  const ext = EXTENSIONS[packaging];
  const artifactFile = finalName && ext && !finalName.includes('$') && !finalName.includes('/') ? `${finalName}.${ext}` : null;
  const modules = (child(project, 'modules')?.children ?? []).filter((m) => m.name === 'module').map((m) => m.text);

  const pluginIds = descendants(project, 'plugin').map((p) => textAt(p, 'artifactId') ?? '');
  const extraJars = EXTRA_JAR_PLUGINS.filter((p) => pluginIds.includes(p));
  if (descendants(project, 'classifier').some((c) => !isInsideDependency(project, c))) extraJars.push('a <classifier>');

  const classpathDirs: string[] = [];
  const rel = (p: string) => p.replace(/^\$\{project\.build\.directory\}/, buildDir).replace(/^\$\{project\.basedir\}\/|^\$\{basedir\}\//, '');
  for (const goal of descendants(project, 'goal')) {
    if (goal.text !== 'copy-dependencies') continue;
    const out = resolve(descendants(project, 'outputDirectory').map((o) => o.text)[0] ?? null);
    classpathDirs.push(out ? rel(out) : `${buildDir}/dependency`);
  }
  for (const manifest of descendants(project, 'manifest')) {
    if (textAt(manifest, 'addClasspath') !== 'true') continue;
    const prefix = textAt(manifest, 'classpathPrefix');
    if (prefix && !prefix.includes('$')) classpathDirs.push(`${buildDir}/${prefix.replace(/^\.?\/+|\/+$/g, '')}`);
  }
  return {
    artifactId, version, packaging, artifactFile, buildDir, modules, extraJars,
    classpathDirs: [...new Set(classpathDirs.filter((d) => !d.includes('$')))],
  };
}

function isInsideDependency(root: ReturnType<typeof parseXml>, el: NonNullable<ReturnType<typeof parseXml>>): boolean {
  if (!root) return false;
  return descendants(root, 'dependency').some((d) => d.children.includes(el));
}

/** `${name}` replaced from lookup (recursively, bounded); null when a name has no value. */
export function resolveProps(s: string | null, lookup: (name: string) => string | null | undefined): string | null {
  if (s === null) return null;
  let out = s;
  for (let k = 0; k < 10 && out.includes('${'); k++) {
    let missing = false;
    out = out.replace(/\$\{([^}]+)\}/g, (_, n: string) => {
      const v = lookup(n);
      if (v === null || v === undefined) {
        missing = true;
        return `\${${n}}`;
      }
      return v;
    });
    if (missing) return null;
  }
  return out.includes('${') ? null : out;
}
