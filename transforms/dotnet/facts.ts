// What the .NET transform reads from the build context: the project files (SDK, assembly name,
// target frameworks, self-contained settings) and launch profiles.
import * as posix from 'path/posix';
import type { ContextFS } from '../../src/context';

export interface DotnetProject {
  /** Context path of the project file. */
  path: string;
  dir: string;
  sdk: string | null;
  /** AssemblyName, else the project file's name. */
  assembly: string;
  /** Target frameworks (`net8.0`, `netcoreapp3.1`). */
  tfms: string[];
  /** Needs ASP.NET Core: Web/Razor SDK, or a reference to Microsoft.AspNetCore.App/All. */
  web: boolean;
  /** Publishes with the runtime in it (SelfContained, PublishSingleFile, PublishAot, PublishTrimmed). */
  selfContained: string | null;
  /** Has Properties/launchSettings.json (read by `dotnet run`). */
  launchSettings: boolean;
}

export interface DotnetFacts {
  hasContext: boolean;
  truncated: boolean;
  files: string[];
  projects: DotnetProject[];
}

const PROJECT_FILE = /\.(cs|fs|vb)proj$/;
const MAX_PROJECTS = 200;

export function gatherDotnetFacts(ctx: ContextFS, hasContext: boolean): DotnetFacts {
  const { files, truncated } = ctx.listFiles();
  const projects: DotnetProject[] = [];
  for (const p of files.filter((f) => PROJECT_FILE.test(f)).slice(0, MAX_PROJECTS)) {
    const text = ctx.readText(p);
    if (text === null) continue;
    const dir = posix.dirname(p) === '.' ? '' : posix.dirname(p);
    const settings = posix.join(dir, 'Properties', 'launchSettings.json');
    projects.push(parseProject(text, p, files.includes(settings)));
  }
  return { hasContext, truncated, files, projects };
}

function prop(text: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>\\s*([^<]*?)\\s*</${name}>`, 'i').exec(text);
  return m ? m[1] : null;
}

export function parseProject(text: string, path: string, launchSettings: boolean): DotnetProject {
  const noComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const sdk = /<Project\b[^>]*\bSdk\s*=\s*"([^"]+)"/i.exec(noComments)?.[1] ?? /<Sdk\s+Name\s*=\s*"([^"]+)"/i.exec(noComments)?.[1] ?? null;
  const stem = posix.basename(path).replace(PROJECT_FILE, '');
  const assemblyProp = prop(noComments, 'AssemblyName');
  const assembly = assemblyProp ? assemblyProp.replace(/\$\(MSBuildProjectName\)/g, stem) : stem;
  const tfmText = prop(noComments, 'TargetFrameworks') ?? prop(noComments, 'TargetFramework') ?? '';
  const tfms = tfmText.split(';').map((t) => t.trim()).filter(Boolean);
  const sdkName = (sdk ?? '').split('/')[0];
  const web = /^Microsoft\.NET\.Sdk\.(Web|Razor)$/i.test(sdkName) || /Include\s*=\s*"Microsoft\.AspNetCore\.(App|All)"/i.test(noComments);
  let selfContained: string | null = null;
  for (const p of ['SelfContained', 'PublishSingleFile', 'PublishAot', 'PublishTrimmed']) if (/^true$/i.test(prop(noComments, p) ?? '')) selfContained = `${p}=true`;
  return { path, dir: posix.dirname(path) === '.' ? '' : posix.dirname(path), sdk, assembly, tfms, web, selfContained, launchSettings };
}

/** `net8.0` → `8.0`, `netcoreapp3.1` → `3.1`; null for .NET Framework / netstandard. */
export function versionOfTfm(tfm: string): string | null {
  const m = /^net(?:coreapp)?(\d+)\.(\d+)(?:-[\w.]+)?$/.exec(tfm);
  if (!m) return null;
  if (!tfm.startsWith('netcoreapp') && Number(m[1]) < 5) return null;
  return `${m[1]}.${m[2]}`;
}
