FROM rust:1.75-bookworm
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
CMD ["cargo", "run", "--release", "--", "--port", "8080"]
