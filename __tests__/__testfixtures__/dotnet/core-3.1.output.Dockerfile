FROM mcr.microsoft.com/dotnet/core/sdk:3.1 AS builder
WORKDIR /app
COPY . .
RUN dotnet publish -c Release -o /app/out
WORKDIR /app/out

FROM mcr.microsoft.com/dotnet/core/aspnet:3.1
WORKDIR /app/out
COPY --from=builder /app/out /app/out
ENTRYPOINT ["dotnet", "Shop.dll"]
