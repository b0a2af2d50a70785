// What a Gradle build says about its jar: build/libs/<archiveFileName>, by default
// <project name>[-<version>].jar. Read from the build script's text: only literal values count.

export interface GradleInfo {
  /** File name of the jar `gradle build` writes, or null when it cannot be told. */
  artifactFile: string | null;
  /** Other jars may land next to it (Spring Boot's `-plain` jar, classifiers, shadow jars). */
  extraJars: string[];
}

/**
 * @param dirName the project folder's name in the image: Gradle's default project name.
 */
export function readGradle(build: string, settings: string | null, properties: string | null, dirName: string): GradleInfo {
  const literal = (re: RegExp, text: string | null) => (text ? re.exec(text)?.[1] ?? null : null);
  const fileName = literal(/archiveFileName(?:\.set\(|\s*=\s*|\s+)\s*["']([^"'$]+)["']/, build);
  const name = literal(/archiveBaseName(?:\.set\(|\s*=\s*|\s+)\s*["']([^"'$]+)["']/, build)
    ?? literal(/rootProject\.name\s*=\s*["']([^"'$]+)["']/, settings) ?? dirName;
  const version = literal(/^\s*version\s*=\s*["']([^"'$]+)["']/m, build) ?? literal(/^\s*version\s*[=:]\s*(\S+)\s*$/m, properties);
  const extraJars: string[] = [];
  const boot = /org\.springframework\.boot/.test(build);
  if (boot && !/jar\s*\{[^}]*enabled\s*=\s*false/.test(build) && !/named<Jar>\("jar"\)\s*\{[^}]*enabled\s*=\s*false/.test(build)) extraJars.push('the Spring Boot plain jar');
  if (/archiveClassifier/.test(build)) extraJars.push('an archiveClassifier');
  if (/shadow/i.test(build)) extraJars.push('the shadow jar');
  const dynamic = /archive(File|Base)Name|archiveVersion/.test(build) && !fileName;
  const artifactFile = fileName ?? (dynamic || /[$]/.test(name) ? null : version && version !== 'unspecified' ? `${name}-${version}.jar` : `${name}.jar`);
  return { artifactFile, extraJars };
}
