# Writes into its VOLUME and its working directory, as an upload handler and a cache would.
for path in ("uploads/a.txt", "cache.db"):
    with open(path, "w") as f:
        f.write("x")
    print("wrote", path)
