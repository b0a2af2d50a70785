#!/bin/sh
set -e
go run . "$@"
