"""What the browser test checks on a page (a path to an HTML file), each check returning the
failures it found, one line each:

    check_page       no console errors, exceptions, error log entries or network requests;
                     every figure (img, svg, canvas) has a non-zero size and every img
                     decoded; a screenshot <name>.png
    check_explorer   for a page with a latent explorer (window.aekitExplorer): a slider moved
                     changes the canvas (screenshots <name>-explorer-before/after.png), the
                     canvas shows decode(code()) in gray levels, and the page's decode agrees
                     with `aekit decode` of the model next to the page (model.aek)
"""
import os
import random
import subprocess

import numpy as np

# |page - aekit| <= TOLERANCE * max(1, max |aekit|): the page sums in double, the C++ GEMM in
# float32 blocks, so the two differ by rounding only.
TOLERANCE = 1e-5

FIGURES = """Array.from(document.querySelectorAll("img, svg, canvas"))
  .filter((e) => !(e.parentElement && e.parentElement.closest("svg")))
  .map((e) => { const r = e.getBoundingClientRect();
    return { what: e.tagName.toLowerCase() + " " + (e.getAttribute("src") || e.id || ""),
             width: r.width, height: r.height,
             decoded: e.tagName === "IMG" ? e.complete && e.naturalWidth > 0 : true }; })"""

CANVAS_PIXELS = """(() => { const c = document.getElementById("aekit-explorer-canvas");
  return Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data); })()"""

EXPLORER_BOX = """(() => { const r = document.getElementById("aekit-explorer").getBoundingClientRect();
  return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width,
           height: r.height }; })()"""


def set_slider(index, value):
    return f"""(() => {{ const s = document.querySelectorAll("#aekit-explorer input[type=range]")[{index}];
  s.value = {value}; s.dispatchEvent(new Event("input", {{ bubbles: true }}));
  return s.nextElementSibling.textContent; }})()"""


def check_page(browser, page, out_dir, aekit, explorer_expected=False):
    """Files are named after the page's folder and file: run/report.html -> run-report*."""
    folder = os.path.basename(os.path.dirname(os.path.abspath(page)))
    name = f"{folder}-{os.path.splitext(os.path.basename(page))[0]}"
    browser.open("file://" + os.path.abspath(page))
    failures = []
    figures = browser.evaluate(FIGURES)
    if not figures:
        failures.append(f"{page}: no figures")
    for f in figures:
        if not (f["width"] > 0 and f["height"] > 0):
            failures.append(f"{page}: {f['what']} is {f['width']} x {f['height']}")
        if not f["decoded"]:
            failures.append(f"{page}: {f['what']} did not decode")
    browser.screenshot(os.path.join(out_dir, f"{name}.png"))
    if browser.evaluate("typeof window.aekitExplorer") == "object":
        failures += check_explorer(browser, page, out_dir, aekit, name)
    elif explorer_expected:
        failures.append(f"{page}: no latent explorer")
    return failures + [f"{page}: {p}" for p in browser.problems()]  # since the page opened


def check_explorer(browser, page, out_dir, aekit, name):
    failures = []
    box = browser.evaluate(EXPLORER_BOX)
    before = browser.evaluate(CANVAS_PIXELS)
    browser.screenshot(os.path.join(out_dir, f"{name}-explorer-before.png"), box)
    shown = browser.evaluate(set_slider(0, 2.5))
    after = browser.evaluate(CANVAS_PIXELS)
    browser.screenshot(os.path.join(out_dir, f"{name}-explorer-after.png"), box)
    if shown != "+2.50 sd":
        failures.append(f"{page}: the first slider at 2.5 shows '{shown}'")
    changed = sum(a != b for a, b in zip(before, after))
    if changed == 0:
        failures.append(f"{page}: moving the first slider left the canvas unchanged")
    failures += check_canvas_shows_decode(browser, page, after)
    failures += check_decode_against_aekit(browser, page, out_dir, aekit, name)
    return failures


def check_canvas_shows_decode(browser, page, pixels):
    """The canvas's red channel is the first image channel's gray level of decode(code())."""
    x = np.array(browser.evaluate("window.aekitExplorer.decode(window.aekitExplorer.code())"))
    low, high = (browser.evaluate(f"window.aekitExplorer.range.{k}") for k in ("low", "high"))
    red = np.array(pixels[0::4], dtype=float)
    expected = np.clip(np.round(255 * (x[:red.size] - low) / (high - low)), 0, 255)
    worst = np.abs(red - expected).max()
    return [] if worst <= 1 else [f"{page}: canvas differs from decode(code()) by {worst} levels"]


def check_decode_against_aekit(browser, page, out_dir, aekit, name):
    """The page's decode of a few codes (the sliders' current code, the mean, and three with
    every slider at random) against `aekit decode` of the same codes."""
    model = os.path.join(os.path.dirname(page), "model.aek")
    if not os.path.exists(model):
        return [f"{page}: has a latent explorer but no model.aek beside it"]
    sliders = browser.evaluate('document.querySelectorAll("#aekit-explorer input[type=range]").length')
    codes = [browser.evaluate("window.aekitExplorer.code()")]
    browser.evaluate('document.getElementById("aekit-explorer-reset").click()')
    codes.append(browser.evaluate("window.aekitExplorer.code()"))
    draw = random.Random(1)
    for _ in range(3):
        for i in range(sliders):
            browser.evaluate(set_slider(i, round(draw.uniform(-3, 3), 2)))
        codes.append(browser.evaluate("window.aekitExplorer.code()"))
    codes = np.array(codes, dtype=np.float32)
    page_decoded = np.array([browser.evaluate(f"window.aekitExplorer.decode({c.tolist()})")
                             for c in codes])
    codes_file = os.path.join(out_dir, f"{name}-codes.npy")
    decoded_file = os.path.join(out_dir, f"{name}-decoded.npy")
    np.save(codes_file, codes)
    run = subprocess.run([aekit, "decode", "--model", model, "--input", "npy:" + codes_file,
                          "--output", decoded_file], capture_output=True, text=True)
    if run.returncode != 0:
        return [f"{page}: aekit decode failed: {run.stderr.strip()}"]
    aekit_decoded = np.load(decoded_file)
    if aekit_decoded.shape != page_decoded.shape:
        return [f"{page}: decode gives {page_decoded.shape}, aekit decode {aekit_decoded.shape}"]
    worst = np.abs(page_decoded - aekit_decoded).max()
    scale = max(1.0, np.abs(aekit_decoded).max())
    print(f"{page}: {len(codes)} codes decoded, largest difference from aekit decode "
          f"{worst:.3g} (scale {scale:.3g})")
    if not worst <= TOLERANCE * scale:
        return [f"{page}: decode differs from aekit decode by {worst:.3g} (allowed "
                f"{TOLERANCE * scale:.3g})"]
    return []
