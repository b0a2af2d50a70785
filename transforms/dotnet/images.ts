// .NET image names: which SDK image a stage builds on, and the matching runtime image of the
// same era and distro (`sdk:8.0-alpine` → `aspnet:8.0-alpine`, `microsoft/dotnet:2.1-sdk` →
// `microsoft/dotnet:2.1-aspnetcore-runtime`).
import type { ImageRef } from '../../src/image-ref';

export type SdkFamily = 'mcr' | 'mcr-core' | 'hub-dotnet' | 'hub-aspnetcore-build';

export interface SdkImage {
  family: SdkFamily;
  /** `major.minor` of the tag, or null (`latest`, `sdk`). */
  version: string | null;
  /** The tag named a full SDK version (`8.0.204`): runtime tags have no such version. */
  sdkPatch: boolean;
  /** Distro and architecture part of the tag (`-alpine3.19`, `-bookworm-slim`, `-jammy`), or ''. */
  suffix: string;
}

function isMcr(ref: ImageRef): boolean {
  return ref.registry === 'mcr.microsoft.com';
}

function isHub(ref: ImageRef, repo: string): boolean {
  return (ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io') && ref.repository === repo;
}

/** The SDK image a stage is built on, or null when it is not one. */
export function sdkImageOf(ref: ImageRef): SdkImage | null {
  const tag = ref.tag ?? 'latest';
  if (isMcr(ref) && (ref.repository === 'dotnet/sdk' || ref.repository === 'dotnet/core/sdk')) {
    const family: SdkFamily = ref.repository === 'dotnet/sdk' ? 'mcr' : 'mcr-core';
    if (tag === 'latest') return { family, version: null, sdkPatch: false, suffix: '' };
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-(?:preview|rc)[\w.]*)?(-.+)?$/.exec(tag);
    if (!m) return null;
    return { family, version: `${m[1]}.${m[2]}`, sdkPatch: m[3] !== undefined && Number(m[3]) >= 100, suffix: m[4] ?? '' };
  }
  if (isHub(ref, 'microsoft/dotnet')) {
    if (tag === 'sdk') return { family: 'hub-dotnet', version: null, sdkPatch: false, suffix: '' };
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?-sdk(?:-[\d.]+)?(-.+)?$/.exec(tag);
    if (!m) return null;
    return { family: 'hub-dotnet', version: `${m[1]}.${m[2]}`, sdkPatch: m[3] !== undefined && Number(m[3]) >= 100, suffix: m[4] ?? '' };
  }
  if (isHub(ref, 'microsoft/aspnetcore-build')) {
    const m = /^(\d+)\.(\d+)(?:\.\d+)?(-.+)?$/.exec(tag);
    if (tag !== 'latest' && !m) return null;
    return { family: 'hub-aspnetcore-build', version: m ? `${m[1]}.${m[2]}` : null, sdkPatch: false, suffix: m?.[3] ?? '' };
  }
  return null;
}

export function isWindowsSuffix(suffix: string): boolean {
  return /nanoserver|windowsservercore|ltsc/.test(suffix);
}

/** Major version number of `8.0` (0 when unknown). */
export function majorOf(version: string | null): number {
  return version ? Number(version.split('.')[0]) : 0;
}

/** The runtime image for a version (`major.minor` or null for the family's latest). */
export function runtimeImage(sdk: SdkImage, version: string | null, web: boolean): string {
  const suffix = sdk.suffix;
  switch (sdk.family) {
    case 'mcr':
    case 'mcr-core': {
      // 2.x/3.x lived under dotnet/core/, 5.0 and later directly under dotnet/.
      const core = version !== null && majorOf(version) < 5;
      const repo = `mcr.microsoft.com/dotnet/${core ? 'core/' : ''}${web ? 'aspnet' : 'runtime'}`;
      return `${repo}:${version ?? 'latest'}${version ? suffix : ''}`;
    }
    case 'hub-dotnet':
    case 'hub-aspnetcore-build': {
      // Before 2.1, ASP.NET Core had its own repository (microsoft/aspnetcore).
      const old = version !== null && (majorOf(version) < 2 || version === '2.0');
      if (web && (old || sdk.family === 'hub-aspnetcore-build')) return `microsoft/aspnetcore:${version ?? 'latest'}${version ? suffix : ''}`;
      const kind = web ? 'aspnetcore-runtime' : 'runtime';
      return `microsoft/dotnet:${version ? `${version}-${kind}${suffix}` : kind}`;
    }
  }
}
