FROM rails:onbuild
