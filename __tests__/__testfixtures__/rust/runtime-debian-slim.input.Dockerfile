FROM rust:1.75-bookworm
WORKDIR /app
COPY . .
RUN cargo build --release
CMD ./target/release/report | tee /tmp/report.txt
