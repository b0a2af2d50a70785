FROM microsoft/dotnet:2.1-sdk AS builder
WORKDIR /app
COPY . ./
RUN dotnet publish -c Release -o out
RUN mkdir -p /.stageify-empty

FROM microsoft/dotnet:2.1-runtime
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/out /app/out
USER 65532:65532
ENTRYPOINT ["dotnet", "out/Batch.dll"]
