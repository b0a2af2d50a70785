with open("README.md") as f:
    print(f.read())
