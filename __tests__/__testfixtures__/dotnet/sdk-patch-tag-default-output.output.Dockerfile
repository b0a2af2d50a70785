FROM mcr.microsoft.com/dotnet/sdk:8.0.204-bookworm-slim AS builder
WORKDIR /src
COPY . .
RUN dotnet publish
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim
COPY --from=builder --chown=1654:1654 /.stageify-empty /src
WORKDIR /src
COPY --from=builder --chown=1654:1654 /src/bin/Release/net8.0/publish /src/bin/Release/net8.0/publish
USER $APP_UID
ENTRYPOINT ["dotnet", "bin/Release/net8.0/publish/Jobs.dll"]
