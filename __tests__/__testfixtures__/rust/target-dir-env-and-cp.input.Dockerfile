FROM rust:1.75-slim-bookworm
ENV CARGO_TARGET_DIR=/build
WORKDIR /src
COPY . .
RUN cargo build --release && \
    cp /build/release/greeter /usr/local/bin/
CMD ["greeter", "--name", "world"]
