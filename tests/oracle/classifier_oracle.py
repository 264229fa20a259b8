#!/usr/bin/python3
"""PyTorch oracle for aekit's classifier and its hybrid objective
(tests/oracle/classifier_oracle_test.cpp; models/classifier/classifier_step.hpp).

Usage: /usr/bin/python3 tests/oracle/classifier_oracle.py OUTDIR

For each case below, writes into OUTDIR/<case>/ (all float32, C order):
  initial/<name>.npy  every autoencoder parameter, named as aekit names them (encoder.0.weight
                      [out, in], ..., decoder.K.bias); initial/head/: head.weight [C, K], head.bias [C]
  x.npy [BATCH, D]    the labelled rows, in (0, 1)
  labels.npy [BATCH]  their classes (as float32)
  loss.npy [3]        cross-entropy + alpha * reconstruction, cross-entropy, reconstruction
  grad/<name>.npy     d loss / d parameter at the initial values (the head's in grad/head/)
  final/<name>.npy    the parameters (final/head/: the head's) after STEPS torch.optim.Adam steps on the same batch

The model: the mlp autoencoder of mlp_oracle.py (untied: hidden activation between layers, the
code activation on the code, linear decoder output z), a linear head on the code, and
  loss = nn.CrossEntropyLoss()(W h + b, y) + alpha * rec,
  rec  = nn.BCEWithLogitsLoss()(z, x)  or  nn.MSELoss()(sigmoid(z), x)
with the reconstruction rows R = the labelled rows themselves (every row labelled: aekit's
unlabelled pool, drawn from its noise stream, is checked in C++). alpha = 0 is the supervised
classifier (the decoder gets no gradient).
"""
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write("classifier_oracle.py needs numpy and torch for /usr/bin/python3 "
                     "(Debian python3-numpy, python3-torch; scripts/install-deps): %s\n" % error)
    sys.exit(3)

BATCH = 16
STEPS = 10
LR = 1e-2
CLASSES = 4

# name -> settings; the C++ test lists the same cases.
CASES = {
    "supervised_sigmoid": dict(dims=[12, 8, 5], hidden="sigmoid", code="sigmoid", loss="bce", alpha=0.0),
    "hybrid_bce": dict(dims=[12, 8, 5], hidden="sigmoid", code="sigmoid", loss="bce", alpha=0.5),
    "hybrid_mse_relu": dict(dims=[12, 9, 6], hidden="relu", code="identity", loss="mse", alpha=2.0),
}

ACTIVATIONS = {"identity": lambda t: t, "sigmoid": torch.sigmoid, "relu": torch.relu}


def linear(fan_in, fan_out, generator):
    bound = 1.0 / fan_in ** 0.5
    w = (torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * bound
    b = (torch.rand(fan_out, generator=generator) * 2 - 1) * bound
    return w, b


def make_parameters(c, generator):
    dims, params = c["dims"], []
    depth = len(dims) - 1
    for i in range(depth):
        w, b = linear(dims[i], dims[i + 1], generator)
        params += [("encoder.%d.weight" % i, w), ("encoder.%d.bias" % i, b)]
    for j, i in enumerate(reversed(range(depth))):
        w, b = linear(dims[i + 1], dims[i], generator)
        params += [("decoder.%d.weight" % j, w), ("decoder.%d.bias" % j, b)]
    w, b = linear(dims[-1], CLASSES, generator)
    return params + [("head.weight", w), ("head.bias", b)]


def losses(p, c, x, y):
    depth = len(c["dims"]) - 1
    h = x
    for i in range(depth):
        f = ACTIVATIONS[c["code"] if i + 1 == depth else c["hidden"]]
        h = f(F.linear(h, p["encoder.%d.weight" % i], p["encoder.%d.bias" % i]))
    cross_entropy = torch.nn.CrossEntropyLoss()(F.linear(h, p["head.weight"], p["head.bias"]), y)
    if c["alpha"] == 0:
        return cross_entropy, cross_entropy, torch.zeros(())
    z = h
    for j in range(depth):
        z = F.linear(z, p["decoder.%d.weight" % j], p["decoder.%d.bias" % j])
        if j + 1 < depth:
            z = ACTIVATIONS[c["hidden"]](z)
    if c["loss"] == "bce":
        rec = torch.nn.BCEWithLogitsLoss()(z, x)
    else:
        rec = torch.nn.MSELoss()(torch.sigmoid(z), x)
    return cross_entropy + c["alpha"] * rec, cross_entropy, rec


def save(path, tensor):
    np.save(path, np.ascontiguousarray(tensor.detach().cpu().numpy().astype(np.float32)))


def save_parameters(folder, p):
    """The autoencoder's parameters into folder, the head's into folder/head (aekit keeps them
    in two parameter blocks, read one folder each)."""
    os.makedirs(os.path.join(folder, "head"), exist_ok=True)
    for name, value in p.items():
        save(os.path.join(folder, "head" if name.startswith("head.") else "", name + ".npy"), value)


def run_case(outdir, name, c, seed):
    generator = torch.Generator().manual_seed(seed)
    initial = dict(make_parameters(c, generator))
    x = torch.rand(BATCH, c["dims"][0], generator=generator)
    y = torch.randint(0, CLASSES, (BATCH,), generator=generator)
    folder = os.path.join(outdir, name)
    os.makedirs(folder, exist_ok=True)
    save(os.path.join(folder, "x.npy"), x)
    save(os.path.join(folder, "labels.npy"), y.float())
    save_parameters(os.path.join(folder, "initial"), initial)

    p = {n: v.clone().requires_grad_(True) for n, v in initial.items()}
    values = losses(p, c, x, y)
    values[0].backward()
    save(os.path.join(folder, "loss.npy"), torch.stack([v.detach() for v in values]))
    save_parameters(os.path.join(folder, "grad"),
                    {n: (v.grad if v.grad is not None else torch.zeros_like(v)) for n, v in p.items()})

    # aekit's two groups (autoencoder, head) each have an Adam; the update is per entry, so
    # one torch Adam over every parameter is the same. Parameters without a gradient (the
    # decoder at alpha = 0) see a zero gradient in aekit, which leaves them where they are.
    p = {n: v.clone().requires_grad_(True) for n, v in initial.items()}
    optimizer = torch.optim.Adam(list(p.values()), lr=LR, betas=(0.9, 0.999), eps=1e-8)
    for _ in range(STEPS):
        optimizer.zero_grad()
        losses(p, c, x, y)[0].backward()
        for v in p.values():
            if v.grad is None:
                v.grad = torch.zeros_like(v)
        optimizer.step()
    save_parameters(os.path.join(folder, "final"), p)


def main():
    torch.set_num_threads(1)
    outdir = sys.argv[1]
    for seed, (name, c) in enumerate(sorted(CASES.items())):
        run_case(outdir, name, c, 100 + seed)


if __name__ == "__main__":
    main()
