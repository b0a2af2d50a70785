FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /src
COPY . .
RUN dotnet publish Tool.csproj -c Release -o /out
WORKDIR /out
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/runtime:8.0
COPY --from=builder --chown=1654:1654 /.stageify-empty /out
WORKDIR /out
COPY --from=builder --chown=1654:1654 /out /out
USER $APP_UID
ENTRYPOINT ["dotnet", "Tool.dll"]
CMD ["--help"]
