"""The GAN experiments' figures and tables (experiments/gan/run figures): OUT/curves.svg, the
mean D(G(z)) and the generator's loss per epoch of the minimax and the non-saturating runs,
with Adam and with SGD (lecture 000: with the minimax loss log(1 - D(G(z))), G's gradient
vanishes while D rejects its samples), and OUT/k.md, k = 1 against k = 5 discriminator steps
per generator step.

Usage: /usr/bin/python3 experiments/gan/figures.py OUT
"""
import json
import os
import sys


def epochs_of(run):
    path = os.path.join(run, "metrics.jsonl")
    return [json.loads(line) for line in open(path)] if os.path.exists(path) else []


def polyline(points, x_of, y_of, colour):
    return '<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
        colour, " ".join("%.1f,%.1f" % (x_of(x), y_of(y)) for x, y in points))


def panel(series, key, title, left, top, width=360, height=220):
    """One chart of `key` per epoch for each (name, colour, epochs) in series."""
    values = [e[key] for _, _, epochs in series for e in epochs]
    last = max(len(epochs) for _, _, epochs in series)
    low, high = min(0.0, min(values)), max(values) * 1.05
    x_of = lambda x: left + 40 + (x - 1) / max(1, last - 1) * (width - 50)
    y_of = lambda y: top + height - 30 - (y - low) / (high - low) * (height - 50)
    parts = ['<text x="%d" y="%d" font-size="13">%s</text>' % (left + 40, top + 14, title),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>' % (left + 40, top + height - 30, left + width - 10,
                                                                        top + height - 30),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888"/>' % (left + 40, top + 20, left + 40, top + height - 30),
             '<text x="%d" y="%d" font-size="11">epoch 1 .. %d</text>' % (left + 40, top + height - 12, last)]
    for value in (low, (low + high) / 2, high):
        parts.append('<text x="%d" y="%.1f" font-size="10" text-anchor="end">%.2f</text>' % (left + 36, y_of(value) + 3,
                                                                                             value))
    for index, (name, colour, epochs) in enumerate(series):
        parts.append(polyline([(e["epoch"], e[key]) for e in epochs], x_of, y_of, colour))
        parts.append('<text x="%d" y="%d" font-size="11" fill="%s">%s</text>' % (left + 130 + 110 * index,
                                                                                  top + height - 12, colour, name))
    return parts


def curves(out):
    """A row of two charts per optimizer: Adam (lr 2e-4, beta1 0.5) and SGD with momentum 0.9."""
    parts, top = [], 0
    for optimizer, non_saturating, minimax in (("Adam", "mlp", "minimax"),
                                               ("SGD lr 0.01", "sgd_non_saturating", "sgd_minimax"),
                                               ("SGD lr 0.005", "sgd0.005_non_saturating", "sgd0.005_minimax")):
        series = [("non-saturating", "#1f77b4", epochs_of(os.path.join(out, non_saturating))),
                  ("minimax (lecture)", "#d62728", epochs_of(os.path.join(out, minimax)))]
        series = [s for s in series if s[2]]
        if not series:
            continue
        parts += panel(series, "train_d_fake", "%s: mean D(G(z)) per epoch" % optimizer, 0, top)
        parts += panel(series, "train_g_loss", "%s: generator loss L_G per epoch" % optimizer, 370, top)
        top += 230
    if parts:
        with open(os.path.join(out, "curves.svg"), "w") as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg" width="740" height="%d" font-family="sans-serif">%s</svg>\n'
                    % (top, "".join(parts)))


def k_table(out):
    lines = ["| k | epochs | G steps | last epoch: L_D | mean D(x) | mean D(G(z)) | D right on real / fake | "
             "FD-FMNIST | training s |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for k, name in ((1, "mlp"), (5, "k5")):
        epochs = epochs_of(os.path.join(out, name))
        if not epochs:
            continue
        last = epochs[-1]
        quality = os.path.join(out, name, "quality.json")
        fd = "%.2f" % json.load(open(quality))["fd"] if os.path.exists(quality) else "-"
        g_steps = len(epochs) * 469 // k  # 469 minibatches of 128 in 60 000 rows
        lines.append("| %d | %d | %d | %.3f | %.3f | %.3f | %.2f / %.2f | %s | %.0f |" % (
            k, len(epochs), g_steps, last["train_d_loss"], last["train_d_real"], last["train_d_fake"],
            last["train_d_accuracy_real"], last["train_d_accuracy_fake"], fd, sum(e["seconds"] for e in epochs)))
    with open(os.path.join(out, "k.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main():
    out = sys.argv[1]
    curves(out)
    k_table(out)


if __name__ == "__main__":
    main()
