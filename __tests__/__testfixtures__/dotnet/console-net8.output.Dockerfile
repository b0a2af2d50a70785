FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /src
COPY . .
RUN dotnet publish Tool.csproj -c Release -o /out
WORKDIR /out

FROM mcr.microsoft.com/dotnet/runtime:8.0
WORKDIR /out
COPY --from=builder /out /out
USER $APP_UID
ENTRYPOINT ["dotnet", "Tool.dll"]
CMD ["--help"]
