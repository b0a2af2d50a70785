FROM rust:1.75-slim-bookworm AS builder
ENV CARGO_TARGET_DIR=/build
WORKDIR /src
COPY . .
RUN cargo build --release && \
    cp /build/release/greeter /usr/local/bin/
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder /usr/local/bin/greeter /usr/local/bin/greeter
CMD ["greeter", "--name", "world"]
