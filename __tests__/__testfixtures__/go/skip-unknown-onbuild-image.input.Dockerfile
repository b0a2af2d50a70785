FROM mycorp/base:onbuild
CMD ["/app"]
