FROM rust:1.78 AS builder
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build --release
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder --chown=65532:65532 /src/target/release/app /src/target/release/app
CMD ["/src/target/release/app"]
