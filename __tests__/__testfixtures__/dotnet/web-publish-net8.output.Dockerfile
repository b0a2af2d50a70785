FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY --from=builder --chown=1654:1654 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=1654:1654 /app /app
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "WebApi.dll"]
