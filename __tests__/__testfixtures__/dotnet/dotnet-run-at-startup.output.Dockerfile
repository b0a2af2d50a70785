FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /app
COPY . .
RUN dotnet publish -c Release -o /app/publish
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/runtime:8.0
COPY --from=builder --chown=1654:1654 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=1654:1654 /app/publish /app/publish
WORKDIR /app/publish
USER $APP_UID
CMD ["dotnet", "Cli.dll", "--verbose"]
