FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.nuget/packages dotnet publish -c Release -o /app
WORKDIR /app
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY --from=builder --chown=1654:1654 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=1654:1654 /app /app
USER $APP_UID
ENTRYPOINT ["dotnet", "Svc.dll"]
