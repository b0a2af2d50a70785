// Reads a `java` command line: the launcher options, what it runs (-jar, a main class, a module,
// a source file) and which files it reads (the jar, classpath and module path entries, agents).

export interface JavaArg {
  value: string;
  /** Holds a `$` expansion the shell fills in (shell form only). */
  expansion: boolean;
}

export interface JavaCall {
  /** Words before -jar / the main class. */
  options: JavaArg[];
  jar: JavaArg | null;
  mainClass: string | null;
  module: string | null;
  /** A `.java` file launched as source (JEP 330): compiled at start-up. */
  sourceFile: string | null;
  classpath: JavaArg[] | null;
  modulePath: JavaArg[];
  /** Files named by -javaagent:, -agentpath:, -splash:. */
  agents: JavaArg[];
  /** `@argfile`: options stageify cannot see. */
  argFile: string | null;
  programArgs: JavaArg[];
}

const VALUE_OPTIONS = new Set([
  '-cp', '-classpath', '--class-path', '-p', '--module-path', '--upgrade-module-path', '--add-modules', '--add-opens',
  '--add-exports', '--add-reads', '--patch-module', '--limit-modules', '--enable-native-access', '--source',
]);

export function parseJavaArgs(args: JavaArg[]): JavaCall {
  const call: JavaCall = {
    options: [], jar: null, mainClass: null, module: null, sourceFile: null, classpath: null, modulePath: [], agents: [], argFile: null, programArgs: [],
  };
  let k = 0;
  const split = (a: JavaArg, value: string): JavaArg[] => value.split(':').filter(Boolean).map((v) => ({ value: v, expansion: a.expansion }));
  for (; k < args.length; k++) {
    const a = args[k];
    const v = a.value;
    if (v === '-jar') {
      call.jar = args[k + 1] ?? null;
      k += 2;
      break;
    }
    if (v === '-m' || v === '--module') {
      call.module = args[k + 1]?.value ?? null;
      k += 2;
      break;
    }
    if (v.startsWith('--module=')) {
      call.module = v.slice('--module='.length);
      k++;
      break;
    }
    if (v.startsWith('@')) {
      call.argFile = v;
      call.options.push(a);
      continue;
    }
    if (VALUE_OPTIONS.has(v)) {
      const next = args[k + 1];
      call.options.push(a);
      if (next) call.options.push(next);
      if (next && (v === '-cp' || v === '-classpath' || v === '--class-path')) call.classpath = split(next, next.value);
      if (next && (v === '-p' || v === '--module-path')) call.modulePath.push(...split(next, next.value));
      k++;
      continue;
    }
    const eq = /^(--class-path|--module-path)=(.*)$/.exec(v);
    if (eq) {
      call.options.push(a);
      if (eq[1] === '--class-path') call.classpath = split(a, eq[2]);
      else call.modulePath.push(...split(a, eq[2]));
      continue;
    }
    const agent = /^-(?:javaagent|agentpath|splash):([^=]+)/.exec(v);
    if (agent) {
      call.options.push(a);
      call.agents.push({ value: agent[1], expansion: a.expansion });
      continue;
    }
    // An expansion before the main class is taken as options ($JAVA_OPTS).
    if (v.startsWith('-') || (a.expansion && /^\$\{?[A-Za-z_]\w*\}?$/.test(v))) {
      call.options.push(a);
      continue;
    }
    if (/\.java$/.test(v)) call.sourceFile = v;
    else call.mainClass = v;
    k++;
    break;
  }
  call.programArgs = args.slice(k);
  return call;
}

/** Whether a program name is the java launcher (`java`, `/opt/java/openjdk/bin/java`, `$JAVA_HOME/bin/java`). */
export function isJavaLauncher(program: string): boolean {
  return program === 'java' || program.endsWith('/bin/java') || program === '/usr/bin/java';
}

/** Build tools that need the JDK (and their caches) when a container starts with them. */
export function buildToolOf(program: string): string | null {
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (base === 'mvn' || base === 'mvnw' || base === 'mvn-entrypoint.sh') return 'mvn';
  if (base === 'gradle' || base === 'gradlew') return 'gradle';
  if (base === 'javac' || base === 'jshell' || base === 'jbang') return base;
  return null;
}
