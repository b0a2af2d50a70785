import os
import sys

from helpers import shout

with open(os.path.join("data", "greeting.txt")) as f:
    greeting = f.read().strip()

print(shout(greeting))
print("cwd:", os.getcwd())
print("args:", sys.argv[1:])
print("stdlib json:", __import__("json").dumps({"ok": True}))
