FROM django:onbuild
