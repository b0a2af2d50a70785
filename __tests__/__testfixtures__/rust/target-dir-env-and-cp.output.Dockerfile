FROM rust:1.75-slim-bookworm AS builder
ENV CARGO_TARGET_DIR=/build
WORKDIR /src
COPY . .
RUN cargo build --release && \
    cp /build/release/greeter /usr/local/bin/

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /src
COPY --from=builder /usr/local/bin/greeter /usr/local/bin/greeter
CMD ["greeter", "--name", "world"]
