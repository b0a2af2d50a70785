import json
import os

# README.md is documentation only; the program reads its config.
with open(os.path.join("data", "config.json")) as f:
    print(json.load(f)["greeting"])
for name in os.listdir("data"):
    print(name)
