import os

# Prints every file the container has next to it.
for name in sorted(os.listdir(".")):
    print(name)
