import { readGradle } from '../../transforms/java/gradle';
import { readPom, resolveProps } from '../../transforms/java/pom';
import { parseXml, textAt } from '../../transforms/java/xml-lite';

const pom = (inner: string) => `<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>${inner}</project>`;

describe('xml-lite', () => {
  test('elements, text, comments, CDATA, entities, self-closing tags', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1"><b>one &amp; two</b><c/><d><![CDATA[<x>]]></d></a>');
    expect(root?.name).toBe('a');
    expect(textAt(root, 'b')).toBe('one & two');
    expect(textAt(root, 'c')).toBe('');
    expect(textAt(root, 'd')).toBe('<x>');
  });
  test('mismatched tags are not read', () => {
    expect(parseXml('<a><b></a>')).toBeNull();
  });
});

describe('readPom', () => {
  test('artifactId-version.jar by default', () => {
    expect(readPom(pom('<groupId>g</groupId><artifactId>hello</artifactId><version>1.2.0</version>'))).toMatchObject({ artifactFile: 'hello-1.2.0.jar', buildDir: 'target' });
  });
  test('version from the parent, packaging war, a dependency artifactId is not the project', () => {
    const p = readPom(pom('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent><dependencies><dependency><artifactId>dep</artifactId></dependency></dependencies><artifactId>shop</artifactId><packaging>war</packaging>'));
    expect(p?.artifactFile).toBe('shop-3.2.0.war');
  });
  test('finalName with properties', () => {
    const p = readPom(pom('<artifactId>svc</artifactId><version>2.0</version><properties><suffix>exec</suffix></properties><build><finalName>${project.artifactId}-${suffix}</finalName></build>'));
    expect(p?.artifactFile).toBe('svc-exec.jar');
  });
  test('unresolvable names and pom packaging give no artifact', () => {
    expect(readPom(pom('<artifactId>a</artifactId><version>${revision}</version>'))?.artifactFile).toBeNull();
    expect(readPom(pom('<artifactId>a</artifactId><version>1</version><packaging>pom</packaging><modules><module>core</module></modules>'))).toMatchObject({ artifactFile: null, modules: ['core'] });
  });
  test('plugins that add jars, and dependency folders for the manifest class path', () => {
    const p = readPom(pom('<artifactId>a</artifactId><version>1</version><build><plugins><plugin><artifactId>maven-shade-plugin</artifactId></plugin><plugin><artifactId>maven-dependency-plugin</artifactId><executions><execution><goals><goal>copy-dependencies</goal></goals></execution></executions></plugin><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><addClasspath>true</addClasspath><classpathPrefix>libs/</classpathPrefix></manifest></archive></configuration></plugin></plugins></build>'));
    expect(p?.extraJars).toEqual(['maven-shade-plugin']);
    expect(p?.classpathDirs).toEqual(['target/dependency', 'target/libs']);
  });
  test('not a pom', () => {
    expect(readPom('<settings/>')).toBeNull();
    expect(readPom('not xml')).toBeNull();
  });
  test('resolveProps', () => {
    expect(resolveProps('${a}-${b}', (n) => ({ a: 'x', b: '${a}' })[n])).toBe('x-x');
    expect(resolveProps('${missing}', () => null)).toBeNull();
  });
});

describe('readGradle', () => {
  test('project name and version', () => {
    expect(readGradle("plugins { id 'java' }\nversion = '1.0'\n", "rootProject.name = 'shop'", null, 'app')).toEqual({ artifactFile: 'shop-1.0.jar', extraJars: [] });
    expect(readGradle('plugins { java }', null, 'version=2.1\n', 'app').artifactFile).toBe('app-2.1.jar');
    expect(readGradle('plugins { java }', null, null, 'app').artifactFile).toBe('app.jar');
  });
  test('archiveFileName, Spring Boot plain jar', () => {
    expect(readGradle('tasks.jar { archiveFileName.set("service.jar") }', null, null, 'x').artifactFile).toBe('service.jar');
    expect(readGradle("bootJar { archiveFileName = 'b.jar' }", null, null, 'x').artifactFile).toBe('b.jar');
    expect(readGradle("plugins { id 'org.springframework.boot' version '3.2.0' }\nversion = '1'", null, null, 'x').extraJars).toEqual(['the Spring Boot plain jar']);
    expect(readGradle("plugins { id 'org.springframework.boot' version '3.2.0' }\njar { enabled = false }", null, null, 'x').extraJars).toEqual([]);
  });
});
