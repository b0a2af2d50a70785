FROM rust:1.78-alpine3.19 AS builder
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder --chown=65532:65532 /src/target/release/app /src/target/release/app
ENTRYPOINT ["/src/target/release/app"]
CMD ["--help"]
