FROM iojs:onbuild
