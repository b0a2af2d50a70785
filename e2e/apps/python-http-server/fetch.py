import sys
import time
import urllib.error
import urllib.request

BASE = "http://127.0.0.1:8080"


def get(path):
    try:
        with urllib.request.urlopen(BASE + path, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""


# The server starts in the background: wait until it answers.
for _ in range(100):
    try:
        urllib.request.urlopen(BASE + "/", timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)

for path in sys.argv[1:]:
    status, body = get(path)
    print(status, path, body.strip().replace("\n", " | "))
