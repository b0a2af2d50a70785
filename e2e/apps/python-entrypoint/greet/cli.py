import json
import os
import sys


def main():
    args = sys.argv[1:]
    name = args[args.index("--name") + 1] if "--name" in args else "world"
    with open(os.path.join("config", "settings.json")) as f:
        settings = json.load(f)
    text = settings["template"].format(name=name)
    if os.environ.get("GREET_STYLE") == "loud":
        text = text.upper()
    print(text)
    print("script:", os.path.basename(sys.argv[0]))
    print("cwd:", os.getcwd())
    return 0


if __name__ == "__main__":
    sys.exit(main())
