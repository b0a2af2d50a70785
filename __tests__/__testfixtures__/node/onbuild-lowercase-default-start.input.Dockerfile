from node:7-onbuild
env PORT 9000
