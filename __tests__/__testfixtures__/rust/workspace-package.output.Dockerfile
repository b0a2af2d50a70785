FROM rust:1.80-bookworm AS builder
WORKDIR /ws
COPY . .
RUN cargo build --release -p api
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /ws
WORKDIR /ws
COPY --from=builder --chown=65532:65532 /ws/target/release/api /ws/target/release/api
CMD ["/ws/target/release/api"]
