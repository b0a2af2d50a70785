FROM rust:1.67 AS builder

WORKDIR /usr/src/myapp
COPY . .

RUN cargo install --path .

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /usr/src/myapp
COPY --from=builder /usr/local/cargo/bin/myapp /usr/local/cargo/bin/myapp
ENV PATH=/usr/local/cargo/bin:$PATH
CMD ["myapp"]
