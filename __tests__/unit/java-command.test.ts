import { commandCalls } from '../../transforms/java/commands';
import { buildToolOf, isJavaLauncher, parseJavaArgs } from '../../transforms/java/java-command';
import { isBuildOnly, javaRuntimeFiles } from '../../transforms/java/runtime-files';

const args = (...v: string[]) => v.map((value) => ({ value, expansion: value.includes('$') }));

describe('parseJavaArgs', () => {
  test('-jar with options and program arguments', () => {
    const c = parseJavaArgs(args('-Xmx256m', '-javaagent:/otel.jar=x', '-jar', 'app.jar', '--port', '8080'));
    expect(c.jar?.value).toBe('app.jar');
    expect(c.agents.map((a) => a.value)).toEqual(['/otel.jar']);
    expect(c.options.map((a) => a.value)).toEqual(['-Xmx256m', '-javaagent:/otel.jar=x']);
    expect(c.programArgs.map((a) => a.value)).toEqual(['--port', '8080']);
  });
  test('classpath and main class; $JAVA_OPTS counts as options', () => {
    const c = parseJavaArgs(args('$JAVA_OPTS', '-cp', 'classes:lib/*', 'demo.Main', '-v'));
    expect(c.classpath?.map((a) => a.value)).toEqual(['classes', 'lib/*']);
    expect(c.mainClass).toBe('demo.Main');
    expect(c.programArgs.map((a) => a.value)).toEqual(['-v']);
    expect(parseJavaArgs(args('--class-path=a.jar', 'M')).classpath?.map((a) => a.value)).toEqual(['a.jar']);
  });
  test('modules, source files, argfiles', () => {
    expect(parseJavaArgs(args('-p', 'mods', '-m', 'app/demo.Main')).modulePath.map((a) => a.value)).toEqual(['mods']);
    expect(parseJavaArgs(args('Main.java')).sourceFile).toBe('Main.java');
    expect(parseJavaArgs(args('@opts', '-jar', 'a.jar')).argFile).toBe('@opts');
  });
  test('launchers and build tools', () => {
    expect(isJavaLauncher('/opt/java/openjdk/bin/java')).toBe(true);
    expect(isJavaLauncher('javac')).toBe(false);
    expect(buildToolOf('./mvnw')).toBe('mvn');
    expect(buildToolOf('gradle')).toBe('gradle');
    expect(buildToolOf('java')).toBeNull();
  });
});

describe('commandCalls', () => {
  test('exec form, shell form with exec and builtins, sh -c', () => {
    expect(commandCalls({ exec: ['java', '-jar', 'a.jar'], shell: null }, '\\').calls[0].call.jar?.value).toBe('a.jar');
    const s = commandCalls({ exec: null, shell: 'cd /app && exec java $JAVA_OPTS -jar target/*.jar' }, '\\');
    expect(s.others).toEqual([]);
    expect(s.calls[0].call.jar?.value).toBe('target/*.jar');
    expect(commandCalls({ exec: ['sh', '-c', 'java -jar b.jar'], shell: null }, '\\').calls[0].call.jar?.value).toBe('b.jar');
    expect(commandCalls({ exec: ['./start.sh'], shell: null }, '\\').others).toEqual(['./start.sh']);
  });
});

describe('runtime files', () => {
  test('build-only paths', () => {
    for (const p of ['pom.xml', 'src/main/java/A.java', 'mvnw', '.mvn/wrapper/x.properties', 'build.gradle.kts', 'README.md', 'target/a.jar', 'Dockerfile']) expect(isBuildOnly(p)).toBe(true);
    for (const p of ['config/app.yml', 'data/x.csv', 'application.properties']) expect(isBuildOnly(p)).toBe(false);
  });
  test('folders of runtime files are copied whole, inside a copy destination', () => {
    const files = ['pom.xml', 'src/main/java/A.java', 'config/a.yml', 'config/b.yml', 'notes.txt'];
    const copies = [{ sources: [''], dest: '/app', destIsDir: true, line: 3 }];
    expect(javaRuntimeFiles(copies, files, [])).toEqual(['/app/config', '/app/notes.txt']);
    expect(javaRuntimeFiles(copies, files, ['/app/config'])).toEqual(['/app/notes.txt']);
  });
});
