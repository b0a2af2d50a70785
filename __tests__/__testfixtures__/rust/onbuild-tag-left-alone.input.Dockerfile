FROM rust:onbuild
CMD ["app"]
