// Command fast runs on amd64 only.
