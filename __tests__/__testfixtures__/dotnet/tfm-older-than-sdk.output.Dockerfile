FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
ENV ASPNETCORE_URLS=http://+:5000
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app

FROM mcr.microsoft.com/dotnet/aspnet:6.0
ENV ASPNETCORE_URLS=http://+:5000
WORKDIR /app
COPY --from=builder /app /app
USER 65532:65532
ENTRYPOINT ["dotnet", "Old.dll"]
