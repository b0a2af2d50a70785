// Messages of the Java transform (ids `java/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const JAVA_MESSAGES = {
  'java/artifact': ['info', 'the program is {path} ({why}); the runtime gets it at the same path'],
  'java/jar-glob': ['info', '{glob} is copied with its wildcard into {dir}, so it matches the same files as in the builder{expected}'],
  'java/classpath-copied': ['info', 'also copied for the java command on line {line}: {paths}'],
  'java/manifest-classpath': ['info', 'pom.xml puts the dependencies next to the jar ({dir}): copied too'],
  'java/distroless-cmd': ['info', 'the runtime image starts `java -jar` itself: CMD on line {line} keeps only the jar and its arguments'],
  'java/distroless-entrypoint-cleared': ['info', 'the runtime image starts `java -jar` itself; ENTRYPOINT [] clears it so the command on line {line} runs as written'],
  'java/implied-version': ['info', '{image} names no version; it stands for {implied}: the runtime is the Java {major} JRE (a JRE older than the JDK cannot load its classes) — pin the builder\'s tag so both stay on Java {major}'],
  'java/deprecated-image': ['info', '{image} is deprecated ({why}); the builder keeps it as written and the runtime is {runtime} of the same Java version — consider moving the builder there too'],
  'java/vendor-jre': ['info', '{image} is {jvm}: the runtime is that vendor\'s JRE, {runtime}, so JVM options and behaviour stay the same'],
  'java/classes-only': ['info', 'the classpath folder {dir} also holds the image\'s own files: only the class files javac wrote there are copied ({glob}), as every Java source the Dockerfile copies is in the default package'],
  'java/classpath-system-dir': ['warning', 'the classpath on line {line} is {dir}, which also holds the image\'s own files, and a source declares a package (or the sources cannot be read); left alone — compile into a folder of its own (javac -d classes) and put that on the classpath'],
  'java/already-jre': ['info', 'already on a Java runtime image ({image}): left alone'],
  'java/jdk-unknown': ['warning', 'cannot tell the Java version of {image} (the tag names no JDK); left alone — use a tag that names it (e.g. {example}) or pass --runtime IMAGE'],
  'java/no-jre-image': ['warning', 'no {what} for Java {major}; left alone — pass --runtime IMAGE'],
  'java/preset-unsupported': ['warning', '--runtime {preset} has no Java runtime; left alone — use the default, distroless, alpine or an image'],
  'java/no-entrypoint': ['warning', 'no CMD or ENTRYPOINT starts java; left alone — add one that runs the jar, e.g. CMD ["java", "-jar", "{jar}"]'],
  'java/onbuild-no-cmd': ['warning', '{image} has no command that runs the program (its CMD is `mvn`); left alone — add one that runs the jar, e.g. CMD ["java", "-jar", "{jar}"]'],
  'java/entrypoint-unknown': ['warning', '{keyword} on line {line} starts {program}, not java; stageify cannot tell what it needs at run time; left alone — start the program with java -jar <jar>'],
  'java/build-tool-at-start': ['warning', '{keyword} on line {line} runs {tool} at start-up, which needs the JDK and the build tool; left alone — build a jar in the image and start it with java -jar'],
  'java/source-launch': ['warning', '{keyword} on line {line} runs the source file {file} (compiled at start-up, needs a JDK); left alone — compile it in the image and run the class or jar'],
  'java/jar-unknown': ['warning', 'cannot tell where {path} (line {line}) comes from: no build step, COPY or RUN in the file makes it; left alone'],
  'java/path-unresolved': ['warning', '{what} on line {line} depends on {value}, which stageify cannot resolve; left alone'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof JAVA_MESSAGES, true> {}
}
