#!/bin/sh
exec /app
