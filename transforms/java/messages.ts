// Messages of the Java transform (ids `java/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const JAVA_MESSAGES = {
  'java/artifact': ['info', 'the program is {path} ({why}); the runtime gets it at the same path'],
  'java/jar-glob': ['info', '{glob} is copied with its wildcard into {dir}, so it matches the same files as in the builder{expected}'],
  'java/classpath-copied': ['info', 'also copied for the java command on line {line}: {paths}'],
  'java/manifest-classpath': ['info', 'pom.xml puts the dependencies next to the jar ({dir}): copied too'],
  'java/distroless-cmd': ['info', 'the runtime image starts `java -jar` itself: CMD on line {line} keeps only the jar and its arguments'],
  'java/distroless-entrypoint-cleared': ['info', 'the runtime image starts `java -jar` itself; ENTRYPOINT [] clears it so the command on line {line} runs as written'],
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
