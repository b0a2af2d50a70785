FROM rust AS builder
WORKDIR /app
COPY . .
RUN cargo build --release
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian13:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/hello /app/target/release/hello
CMD ["/app/target/release/hello"]
