#!/bin/sh
curl -fsS http://config.internal/settings > /tmp/settings
exec ./server
