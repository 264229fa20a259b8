#!/usr/bin/python3
"""PyTorch oracle for aekit's VAE step (tests/oracle/vae_oracle_test.cpp; models/vae/vae_step.hpp).

Usage: /usr/bin/python3 tests/oracle/vae_oracle.py OUTDIR

For each case below, writes into OUTDIR/<case>/ (float32, C order):
  initial/<name>.npy  every parameter, named as aekit names them: encoder.I.weight [out, in] and
                      .bias of the trunk, mu.weight, mu.bias, log_variance.weight, log_variance.bias,
                      decoder.J.weight and .bias (a conv case: layer I of its list, conv weights
                      [O, C, k, k], deconv [C, O, k, k], as in conv_oracle.py)
  x.npy [BATCH, D]    the inputs (in (0, 1); bernoulli targets may be grey levels)
  labels.npy [BATCH]  the class of each row (conditional cases: one-hot y into both networks)
  eps.npy [BATCH, L]  the reparameterization noise
  loss.npy [3]        reconstruction, KL, reconstruction + beta * KL at the initial values
  grad/<name>.npy     d (reconstruction + beta * KL) / d parameter
  final/<name>.npy    the parameters after STEPS torch.optim.Adam steps on the same x and eps

The model: h = f(... f(W_1 x + b_1) ...), mu = W_mu h + b_mu, v = W_v h + b_v,
z = mu + exp(v / 2) * eps, out = the mirrored decoder (f between layers, last layer linear);
reconstruction = mean over rows of the sum over the row of BCEWithLogits(out, x) (bernoulli) or
of (x - out)^2 / (2 s) + log(2 pi s) / 2 (gaussian, variance s; a learned variance: out = [o | r],
s = e^r); a conditional VAE (classes C) takes [x | y] and decodes [z | y], y the one-hot label;
KL = mean over rows of 1/2 sum_j (mu^2 + e^v - 1 - v). A conv case's trunk and decoder are its
layer lists (aekit's grammar, built by conv_oracle.py), h the trunk's output flattened, the
decoder's input the flat code.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write("vae_oracle.py needs numpy and torch for /usr/bin/python3 "
                     "(Debian python3-numpy, python3-torch; scripts/install-deps): %s\n" % error)
    sys.exit(3)

from conv_oracle import build, parameter_names  # noqa: E402 (needs torch, imported above)

BATCH = 16
STEPS = 10
LR = 1e-2

CASES = {
    "bernoulli_tanh": dict(dims=[12, 8, 3], hidden="tanh", likelihood="bernoulli", variance=1.0, beta=1.0),
    "gaussian_relu_beta2": dict(dims=[12, 9, 6, 4], hidden="relu", likelihood="gaussian", variance=0.5, beta=2.0),
    "gaussian_learned_variance": dict(dims=[12, 8, 3], hidden="tanh", likelihood="gaussian", variance=1.0, beta=1.0,
                                      learned=True),
    "conditional_bernoulli": dict(dims=[12, 8, 3], hidden="tanh", likelihood="bernoulli", variance=1.0, beta=1.0,
                                  classes=4),
    "conv_bernoulli": dict(dims=[72, 3], likelihood="bernoulli", variance=1.0, beta=1.0, input_shape=[2, 6, 6],
                           encoder_layers=["conv 4 3x3 stride=2 pad=1 relu", "dense 10 tanh"],
                           decoder_layers=["dense 36 relu", "reshape 4x3x3", "deconv 2 3x3 stride=2 pad=1 outpad=1"]),
}

ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu}


def linear(fan_in, fan_out, generator):
    bound = 1.0 / fan_in ** 0.5
    return ((torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * bound,
            (torch.rand(fan_out, generator=generator) * 2 - 1) * bound)


class MlpVae:
    """The mlp networks as named leaf tensors and F.linear."""

    def __init__(self, c, generator):
        d, params, classes = c["dims"], [], c.get("classes", 0)
        for i in range(len(d) - 2):
            w, b = linear(d[i] + (classes if i == 0 else 0), d[i + 1], generator)
            params += [("encoder.%d.weight" % i, w), ("encoder.%d.bias" % i, b)]
        for head in ("mu", "log_variance"):
            w, b = linear(d[-2], d[-1], generator)
            params += [(head + ".weight", 0.5 * w), (head + ".bias", 0.5 * b)]
        for j, i in enumerate(range(len(d) - 1, 0, -1)):
            outputs = d[0] * (2 if c.get("learned") else 1) if i == 1 else d[i - 1]
            w, b = linear(d[i] + (classes if j == 0 else 0), outputs, generator)
            params += [("decoder.%d.weight" % j, w), ("decoder.%d.bias" % j, b)]
        self.params = {n: v.requires_grad_(True) for n, v in params}
        self.c = c

    def encode(self, x, y):
        p, f, d = self.params, ACTIVATIONS[self.c["hidden"]], self.c["dims"]
        h = torch.cat([x, y], 1)
        for i in range(len(d) - 2):
            h = f(F.linear(h, p["encoder.%d.weight" % i], p["encoder.%d.bias" % i]))
        return (F.linear(h, p["mu.weight"], p["mu.bias"]),
                F.linear(h, p["log_variance.weight"], p["log_variance.bias"]))

    def decode(self, z, y):
        p, f, layers = self.params, ACTIVATIONS[self.c["hidden"]], len(self.c["dims"]) - 1
        z = torch.cat([z, y], 1)
        for j in range(layers):
            z = F.linear(z, p["decoder.%d.weight" % j], p["decoder.%d.bias" % j])
            if j + 1 < layers:
                z = f(z)
        return z


class ConvVae:
    """A conv case: its layer lists as torch modules (torch's default init, seeded), the heads
    as the mlp's."""

    def __init__(self, c, generator):
        torch.manual_seed(generator.initial_seed())
        self.shape = c["input_shape"]
        self.trunk, trunk_shape = build(c["encoder_layers"], self.shape)
        self.decoder, _ = build(c["decoder_layers"], [1, 1, c["dims"][-1]])
        self.params = dict(parameter_names("encoder", self.trunk), **parameter_names("decoder", self.decoder))
        width = trunk_shape[0] * trunk_shape[1] * trunk_shape[2]
        for head in ("mu", "log_variance"):
            w, b = linear(width, c["dims"][-1], generator)
            self.params[head + ".weight"], self.params[head + ".bias"] = (0.5 * w).requires_grad_(True), \
                (0.5 * b).requires_grad_(True)

    def encode(self, x, y):
        h = x.reshape(x.shape[0], *self.shape)
        for layer in self.trunk:
            h = layer(h)
        h, p = h.flatten(1), self.params
        return (F.linear(h, p["mu.weight"], p["mu.bias"]),
                F.linear(h, p["log_variance.weight"], p["log_variance.bias"]))

    def decode(self, z, y):
        for layer in self.decoder:
            z = layer(z)
        return z.flatten(1)


def parts(net, c, x, y, eps):
    mu, v = net.encode(x, y)
    z = net.decode(mu + torch.exp(0.5 * v) * eps, y)
    if c["likelihood"] == "bernoulli":
        reconstruction = F.binary_cross_entropy_with_logits(z, x, reduction="sum") / x.shape[0]
    elif c.get("learned"):
        o, r = z[:, : x.shape[1]], z[:, x.shape[1]:]
        reconstruction = 0.5 * ((x - o) ** 2 * torch.exp(-r) + r + math.log(2 * math.pi)).sum() / x.shape[0]
    else:
        s = c["variance"]
        reconstruction = (((x - z) ** 2).sum() / (2 * s) + 0.5 * x.numel() * math.log(2 * math.pi * s)) / x.shape[0]
    kl = 0.5 * (mu ** 2 + torch.exp(v) - 1 - v).sum() / x.shape[0]
    return reconstruction, kl, reconstruction + c["beta"] * kl


def save(path, tensor):
    np.save(path, np.ascontiguousarray(tensor.detach().cpu().numpy().astype(np.float32)))


def save_parameters(folder, p):
    os.makedirs(folder, exist_ok=True)
    for name, value in p.items():
        save(os.path.join(folder, name + ".npy"), value)


def run_case(outdir, name, c, seed):
    generator = torch.Generator().manual_seed(seed)
    net = (ConvVae if "encoder_layers" in c else MlpVae)(c, generator)
    initial = {n: v.detach().clone() for n, v in net.params.items()}
    x = torch.rand(BATCH, c["dims"][0], generator=generator)
    eps = torch.randn(BATCH, c["dims"][-1], generator=generator)
    classes = c.get("classes", 0)
    labels = torch.randint(0, max(classes, 1), (BATCH,), generator=generator)
    y = F.one_hot(labels, classes).float() if classes else torch.zeros(BATCH, 0)
    folder = os.path.join(outdir, name)
    os.makedirs(folder, exist_ok=True)
    save(os.path.join(folder, "x.npy"), x)
    save(os.path.join(folder, "labels.npy"), labels)
    save(os.path.join(folder, "eps.npy"), eps)
    save_parameters(os.path.join(folder, "initial"), initial)
    values = parts(net, c, x, y, eps)
    values[2].backward()
    save(os.path.join(folder, "loss.npy"), torch.stack([v.detach() for v in values]))
    save_parameters(os.path.join(folder, "grad"), {n: v.grad for n, v in net.params.items()})
    with torch.no_grad():
        for n, v in net.params.items():
            v.copy_(initial[n])
            v.grad = None
    optimizer = torch.optim.Adam(list(net.params.values()), lr=LR, betas=(0.9, 0.999), eps=1e-8)
    for _ in range(STEPS):
        optimizer.zero_grad()
        parts(net, c, x, y, eps)[2].backward()
        optimizer.step()
    save_parameters(os.path.join(folder, "final"), net.params)


def main():
    torch.set_num_threads(1)
    for seed, (name, c) in enumerate(sorted(CASES.items())):
        run_case(sys.argv[1], name, c, 200 + seed)


if __name__ == "__main__":
    main()
