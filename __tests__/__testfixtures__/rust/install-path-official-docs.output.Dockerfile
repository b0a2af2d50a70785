FROM rust:1.67 AS builder

WORKDIR /usr/src/myapp
COPY . .

RUN cargo install --path .
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/myapp
WORKDIR /usr/src/myapp
COPY --from=builder /usr/local/cargo/bin/myapp /usr/local/cargo/bin/myapp
ENV PATH=/usr/local/cargo/bin:$PATH
CMD ["myapp"]
