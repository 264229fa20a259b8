"""Markdown tables from the runs of experiments/regularized/run: tables.py OUT SECTION.

Reads OUT/SECTION/<run>/summary.json (and probe.json for the contractive section) and writes
OUT/SECTION.md. Standard library only."""
import json
import pathlib
import re
import sys


def runs(folder):
    """(name, summary) for each run folder, in natural order (code8 before code64)."""
    def key(path):
        return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]
    for run in sorted((p for p in folder.iterdir() if (p / "summary.json").exists()), key=key):
        yield run.name, json.loads((run / "summary.json").read_text())


def setting(run_folder, key):
    match = re.search(rf'^{key} = "?([^"\n]*)"?$', (run_folder / "config.toml").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else ""


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def code_size(folder):
    rows = []
    for name, s in runs(folder):
        k = setting(folder / name, "dims").split(",")[-1].strip("[] ")
        rows.append([k, f"{s['test_mse']:.5f}", f"{s['pca_test_mse']:.5f}",
                     f"{s['test_mse'] / s['pca_test_mse']:.2f}" if s['pca_test_mse'] > 1e-9 else "-",
                     f"![code {k}](code_size/{name}/reconstructions.png)"])
    return table(["code size", "test MSE", "PCA test MSE (same size)", "AE / PCA", "originals / reconstructions"], rows)


def denoising(folder):
    rows = []
    for name, s in runs(folder):
        t = s["test"]
        k = setting(folder / name, "dims").split(",")[-1].strip("[] ")
        rows.append([k, t["noise"], f"{t['noisy_mse']:.4f}", f"{t['denoised_mse']:.5f}",
                     f"{t['mse']:.5f}", f"![{name}](denoising/{name}/denoised.png)"])
    rows.sort(key=lambda row: (row[1] != "uniform:0.5", int(row[0]), float(row[1].split(":")[1])))
    return table(["code size", "noise", "noisy input MSE", "denoised MSE (vs clean)",
                  "clean-input MSE", "clean / corrupted / denoised"], rows)


def filters(folder):
    rows = []
    for name, s in runs(folder):
        t = s["test"]
        rows.append([setting(folder / name, "noise"), f"{t['bce']:.4f}", f"{t['mse']:.5f}",
                     f"{t.get('denoised_mse', t['mse']):.5f}", f"{t['jacobian_fro']:.2f}",
                     f"![{name}](filters/{name}/filters.png)"])
    rows.sort(key=lambda row: float(row[0].split(":")[1]))
    return table(["noise", "test BCE", "test MSE", "MSE on corrupted test input", "mean ‖J_f(x)‖_F",
                  "first-layer filters"], rows)


def contractive(folder):
    rows = []
    order = {"plain": 0, "dae": 1}
    for name, s in sorted(runs(folder), key=lambda run: (order.get(run[0], 2), run[0])):
        t = s["test"]
        probe = json.loads((folder / name / "probe.json").read_text())
        rows.append([name, setting(folder / name, "noise"), setting(folder / name, "contractive"),
                     f"{t['jacobian_fro']:.3f}", f"{t['mse']:.5f}", f"{t['bce']:.4f}",
                     f"{100 * probe['test_accuracy']:.2f}%"])
    raw = folder / "raw_probe.json"
    if raw.exists():
        rows.append(["raw pixels (no model)", "", "", "", "", "",
                     f"{100 * json.loads(raw.read_text())['test_accuracy']:.2f}%"])
    return table(["model", "noise", "contractive lambda", "mean ‖J_f(x)‖_F (test)", "test MSE",
                  "test BCE", "softmax probe test accuracy"], rows)


def sparsity(folder):
    rows = []
    for name, s in runs(folder):
        c = s["test"]["code"]
        rows.append([setting(folder / name, "code_activation"), setting(folder / name, "l1"),
                     setting(folder / name, "kl"), f"{c['mean_activation']:.4f}",
                     f"{100 * c['zero_fraction']:.1f}%", f"{s['test_mse']:.5f}"])
    rows.sort(key=lambda row: (row[0] != "relu", float(row[1]), row[2] != "none"))
    return table(["code activation", "l1 lambda", "kl rho:beta", "mean code activation",
                  "exact zeros", "test MSE"], rows)


def hashing(folder):
    rows = []
    for name, s in runs(folder):
        c = s["test"]["code"]
        rows.append([setting(folder / name, "code_noise"), f"{100 * c['binary_fraction']:.1f}%",
                     f"{100 * c['below_0.1_fraction']:.1f}%", f"{100 * c['above_0.9_fraction']:.1f}%",
                     f"{c['mean_activation']:.3f}", f"{s['test_mse']:.5f}"])
    rows.sort(key=lambda row: float(row[0]))
    return table(["code noise sigma", "code units < 0.1 or > 0.9", "< 0.1", "> 0.9",
                  "mean code", "test MSE"], rows)


def main():
    out, section = pathlib.Path(sys.argv[1]), sys.argv[2]
    text = globals()[section](out / section)
    (out / f"{section}.md").write_text(text, encoding="utf-8")
    sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
