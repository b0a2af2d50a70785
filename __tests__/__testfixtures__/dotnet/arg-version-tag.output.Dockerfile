ARG DOTNET_VERSION=8.0
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS builder
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
WORKDIR /app
COPY --from=builder /app /app
USER $APP_UID
ENTRYPOINT ["dotnet", "Api.dll"]
