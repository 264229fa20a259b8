"""A headless Chromium driven over the DevTools protocol (one page), for the browser test.

    with Chromium(profile_dir) as browser:
        browser.open("file:///.../report.html")      # waits for the load event
        browser.evaluate("document.title")            # a JavaScript expression's value
        browser.problems()                            # console errors, exceptions, log errors
        browser.screenshot(path, clip)                # a PNG of the page (or of a clip)

Chromium runs with no network: every host name resolves to nothing, and a request for
anything but file: or data: URLs is reported as a problem.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import time

try:
    import websocket  # Debian python3-websocket
except ImportError:
    sys.exit("browser test: the Python module 'websocket' is missing: run scripts/install-deps")

CHROMIUM = "/usr/bin/chromium"
START_SECONDS = 20
COMMAND_SECONDS = 20


class Chromium:
    def __init__(self, profile_dir):
        if not os.access(CHROMIUM, os.X_OK):
            sys.exit(f"browser test: {CHROMIUM} is missing: run scripts/install-deps")
        self.profile_dir = profile_dir
        self.process = None
        self.socket = None
        self.session = None
        self.next_id = 0
        self.events = []

    def __enter__(self):
        shutil.rmtree(self.profile_dir, ignore_errors=True)
        os.makedirs(self.profile_dir)
        args = [CHROMIUM, "--headless=new", "--remote-debugging-port=0",
                f"--user-data-dir={self.profile_dir}", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-gpu",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1200,900"]
        if os.geteuid() == 0:
            args.append("--no-sandbox")
        # TMPDIR inside the profile: what Chromium leaves in it goes with the profile.
        self.process = subprocess.Popen(args + ["about:blank"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL,
                                        env=dict(os.environ, TMPDIR=self.profile_dir))
        self.socket = websocket.create_connection(self._browser_url(), timeout=COMMAND_SECONDS,
                                                  suppress_origin=True)
        target = self.command("Target.createTarget", {"url": "about:blank"}, session=False)
        self.session = self.command("Target.attachToTarget",
                                    {"targetId": target["targetId"], "flatten": True},
                                    session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.command(f"{domain}.enable")
        return self

    def __exit__(self, *exc):
        if self.socket:
            try:
                self.command("Browser.close", session=False)
            except Exception:  # already gone: the process is ended below either way
                pass
            self.socket.close()
        if self.process:
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile_dir, ignore_errors=True)

    def _browser_url(self):
        # Chromium writes its port and the browser target's path once it listens.
        port_file = os.path.join(self.profile_dir, "DevToolsActivePort")
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"browser test: {CHROMIUM} exited with {self.process.returncode} on start")
            if os.path.exists(port_file):
                lines = open(port_file).read().split()
                if len(lines) == 2:
                    return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.05)
        sys.exit(f"browser test: {CHROMIUM} did not open its DevTools port in {START_SECONDS} s")

    def command(self, method, params=None, session=True):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event, seconds=COMMAND_SECONDS):
        """Waits for the next `event` (one kept from before counts) and returns it."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                for e in self.events:
                    if e["method"] == event:
                        return e
                self.socket.settimeout(max(0.01, deadline - time.monotonic()))
                reply = json.loads(self.socket.recv())
                if "method" in reply:
                    self.events.append(reply)
        except websocket.WebSocketTimeoutException:
            raise TimeoutError(f"no {event} in {seconds} s") from None
        finally:
            self.socket.settimeout(COMMAND_SECONDS)

    def open(self, url):
        self.events.clear()
        self.command("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.command("Runtime.evaluate", {"expression": expression,
                                                   "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self):
        """Console errors, uncaught exceptions, error log entries and network requests seen
        since the page was opened, one line each."""
        self.evaluate("0")  # lets pending events arrive
        lines = []
        for e in self.events:
            p = e["params"]
            if e["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                lines.append("console error: " + " ".join(str(a.get("value", a.get("description")))
                                                          for a in p["args"]))
            elif e["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                lines.append(f"exception: {d.get('exception', {}).get('description', d['text'])}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                lines.append(f"log error: {p['entry']['text']} {p['entry'].get('url', '')}")
            elif e["method"] == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not url.startswith(("file:", "data:")):
                    lines.append(f"network request: {url}")
        return lines

    def screenshot(self, path, clip=None):
        params = {"format": "png", "captureBeyondViewport": True}
        if clip:
            params["clip"] = dict(clip, scale=1)
        data = self.command("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
