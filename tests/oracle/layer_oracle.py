"""PyTorch side of tests/oracle/layer_oracle_test.cpp: layer_oracle.py DIR.

For each case folder DIR/<case>/ written by the test (case.json, x.npy [N, C*H*W], r.npy
[N, out], param0.npy, param1.npy, ... in aekit's layouts), builds the same PyTorch layer with
those values, and writes y.npy = layer(x), dx.npy and dparam<i>.npy = the gradients of
sum(r * y), all float64, in aekit's flat layouts. BatchNorm cases also write the running
mean and variance after the forward pass."""
import json
import pathlib
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def load(path):
    return torch.tensor(np.load(path).astype(np.float64))


def build(case, params):
    """The torch module of a case, with aekit's parameters copied in (aekit layouts)."""
    kind, (c, h, w) = case["kind"], case["input"]
    if kind == "conv2d":
        k = case["kernel"]
        m = torch.nn.Conv2d(c, case["out"], k, case["stride"], case["padding"], case["dilation"])
        m.weight.data = params[0].reshape(case["out"], c, k, k)
        m.bias.data = params[1].reshape(-1)
    elif kind == "conv_transpose2d":
        k = case["kernel"]
        m = torch.nn.ConvTranspose2d(c, case["out"], k, case["stride"], case["padding"],
                                     case["output_padding"], dilation=case["dilation"])
        m.weight.data = params[0].reshape(c, case["out"], k, k)
        m.bias.data = params[1].reshape(-1)
    elif kind == "max_pool2d":
        m = torch.nn.MaxPool2d(case["kernel"], case["stride"])
    elif kind == "avg_pool2d":
        m = torch.nn.AvgPool2d(case["kernel"], case["stride"])
    elif kind == "upsample":
        m = torch.nn.Upsample(scale_factor=case["scale"], mode=case["mode"],
                              **({"align_corners": False} if case["mode"] == "bilinear" else {}))
    elif kind == "batch_norm":
        m = torch.nn.BatchNorm2d(c, momentum=0.1, eps=1e-5)
        m.weight.data = params[0].reshape(-1)
        m.bias.data = params[1].reshape(-1)
        m.train(case["training"])
    else:
        raise ValueError(f"unknown kind {kind}")
    return m


def run(folder):
    case = json.loads((folder / "case.json").read_text())
    params = sorted(folder.glob("param*.npy"), key=lambda p: int(p.stem[5:]))
    params = [load(p) for p in params]
    c, h, w = case["input"]
    x = load(folder / "x.npy").reshape(-1, c, h, w).requires_grad_(True)
    module = build(case, params)
    y = module(x)
    y_flat = y.reshape(y.shape[0], -1)
    (y_flat * load(folder / "r.npy")).sum().backward()
    np.save(folder / "y.npy", y_flat.detach().numpy())
    np.save(folder / "dx.npy", x.grad.reshape(x.shape[0], -1).numpy())
    for i, p in enumerate(module.parameters()):
        np.save(folder / f"dparam{i}.npy", p.grad.reshape(1, -1).numpy())
    if case["kind"] == "batch_norm":
        np.save(folder / "running_mean.npy", module.running_mean.reshape(1, -1).numpy())
        np.save(folder / "running_var.npy", module.running_var.reshape(1, -1).numpy())


def main():
    for folder in sorted(pathlib.Path(sys.argv[1]).iterdir()):
        if (folder / "case.json").exists():
            run(folder)


if __name__ == "__main__":
    main()
