FROM microsoft/dotnet:2.1-sdk AS builder
WORKDIR /app
COPY . ./
RUN dotnet publish -c Release -o out

FROM microsoft/dotnet:2.1-runtime
WORKDIR /app
COPY --from=builder /app/out /app/out
USER 65532:65532
ENTRYPOINT ["dotnet", "out/Batch.dll"]
