#!/bin/sh
start() {
  exec ./server "$@"
}
start "$@"
