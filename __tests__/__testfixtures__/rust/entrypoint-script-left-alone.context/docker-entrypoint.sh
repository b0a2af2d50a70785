#!/bin/sh
exec ./target/release/hello
