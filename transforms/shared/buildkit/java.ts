// Maven: `mvn dependency:go-offline` on pom.xml before the sources, ~/.m2 mounted.
import { insertDownload, sameFolder } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

const isMaven = (argv: readonly string[]) => argv[0] === 'mvn' || argv[0] === './mvnw' || argv[0] === 'mvnw';

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  const run = after.find((r) => r.commands?.some((c) => isMaven(c.argv)));
  if (!run) return null;
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /pom\.xml/.test(i.argsText))) return null;
  const cmd = run.commands!.find((c) => isMaven(c.argv))!;
  if (cmd.argv[0] !== 'mvn') return { refuse: `line ${run.ins.line} runs the Maven wrapper, which reads .mvn/ from the sources` };
  const opt = cmd.argv.find((a) => /^(-f|--file|-s|--settings|-gs|--global-settings|-P|--activate-profiles|-pl|--projects|-o|--offline)/.test(a));
  if (opt) return { refuse: `line ${run.ins.line} passes ${opt}, which the download ahead would have to repeat` };
  const pom = ctx.readText('pom.xml');
  if (pom === null) return { refuse: 'no pom.xml at the context root' };
  const code = pom.replace(/<!--[\s\S]*?-->/g, '');
  if (/<modules>/.test(code)) return { refuse: 'pom.xml has modules, whose poms are in the sources' };
  if (/<parent>/.test(code)) return { refuse: 'pom.xml has a parent, which Maven may read from the folder above' };
  if (/<systemPath>|\$\{(project\.)?basedir\}/.test(code)) return { refuse: 'pom.xml reads files of the sources' };
  if (ctx.kind('.mvn') !== null) return { refuse: 'the context holds .mvn/, which Maven reads' };
  for (const [name] of view.envNames) if (name === 'MAVEN_OPTS' || name === 'MAVEN_CONFIG' || name === 'MAVEN_ARGS') return { refuse: `the stage sets ${name}` };
  const folder = sameFolder(state, run);
  if (folder) return folder;
  return insertDownload(state, ['pom.xml'], 'mvn -B dependency:go-offline');
}

export const javaToolchain: Toolchain = {
  name: 'Maven',
  invokes: isMaven,
  caches: [
    { label: 'the Maven repository (/root/.m2)', target: '/root/.m2', store: true, movedBy: ['MAVEN_CONFIG', 'MAVEN_OPTS', 'HOME'] },
  ],
  officialImage: /^(docker\.io\/)?(library\/)?maven$/,
  depsFirst,
  noCross: 'a Java image builds on the platform it runs on (cross-compilation is for Go)',
};
