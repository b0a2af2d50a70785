FROM rust:1.75 AS builder
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=65532:65532 /usr/src/app/target/release/hello /usr/src/app/target/release/hello
CMD ["./target/release/hello"]
