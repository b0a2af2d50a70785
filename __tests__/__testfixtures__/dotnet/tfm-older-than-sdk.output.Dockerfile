FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
ENV ASPNETCORE_URLS=http://+:5000
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/aspnet:6.0
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
ENV ASPNETCORE_URLS=http://+:5000
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
ENTRYPOINT ["dotnet", "Old.dll"]
