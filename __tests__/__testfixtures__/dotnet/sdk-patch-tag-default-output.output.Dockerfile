FROM mcr.microsoft.com/dotnet/sdk:8.0.204-bookworm-slim AS builder
WORKDIR /src
COPY . .
RUN dotnet publish

FROM mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim
WORKDIR /src
COPY --from=builder /src/bin/Release/net8.0/publish /src/bin/Release/net8.0/publish
USER $APP_UID
ENTRYPOINT ["dotnet", "bin/Release/net8.0/publish/Jobs.dll"]
