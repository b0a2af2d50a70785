FROM python:onbuild
