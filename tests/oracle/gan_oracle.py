#!/usr/bin/python3
"""PyTorch oracle for aekit's GAN step (tests/oracle/gan_oracle_test.cpp; models/gan/gan_step.hpp).

Usage: /usr/bin/python3 tests/oracle/gan_oracle.py OUTDIR

Each case is a generator and a discriminator written in aekit's layer grammar, built from the
same texts with torch.nn modules (conv_oracle.py's builder). Into OUTDIR/<case>/ (float32):
  config.json          {"latent", "data_shape", "generator_layers", "discriminator_layers", "loss",
                        and "classes" (a conditional GAN) or "categorical", "continuous",
                        "info_weight" (an InfoGAN)}
  initial/<name>.npy   every parameter, named as aekit names them ("generator.<i>.weight", ...)
  x.npy [B, D]         real rows in (0, 1)
  z_d.npy, z_g.npy     [B, Z] the noise of the discriminator step and of the generator step
                       (an InfoGAN's whole codes [z | one-hot(k) | u], [B, Z + K + M])
  y.npy, y_d.npy, y_g.npy  a conditional GAN's labels of x, of the D step's and the G step's fakes
  d_loss.npy [1]       L_D = -mean log D(x) - mean log(1 - D(G(z_d))) at the initial values
  d_grad/<name>.npy    dL_D / d each discriminator parameter
  g_loss.npy [1]       L_G on D(G(z_g)) after one Adam step of D (lr D_LR): minimax
                       mean log(1 - D(G(z))) or non-saturating -mean log D(G(z))
  g_grad/<name>.npy    dL_G / d each generator parameter (through D); an InfoGAN's G step
                       minimizes L_G + lambda L_I and its Q head ("q.0.weight", "q.0.bias") is
                       in g_grad and in G's optimizer
  final/<name>.npy     every parameter after that D step and one Adam step of G (lr G_LR)
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write("gan_oracle.py needs numpy and torch for /usr/bin/python3 "
                     "(Debian python3-numpy, python3-torch; scripts/install-deps): %s\n" % error)
    sys.exit(3)

from conv_oracle import build, parameter_names, save, save_all  # noqa: E402 (needs torch, imported above)

BATCH = 8
D_LR = 0.01
G_LR = 0.005

CASES = {
    "mlp_non_saturating": dict(latent=4, data_shape=[1, 1, 10], loss="non_saturating",
                               generator_layers=["dense 12 relu", "dense 10 sigmoid"],
                               discriminator_layers=["dense 12 leaky_relu", "dense 1"]),
    "conv_minimax": dict(latent=3, data_shape=[1, 4, 4], loss="minimax",
                         generator_layers=["dense 8 relu", "reshape 2x2x2", "deconv 1 4 stride=2 pad=1 sigmoid"],
                         discriminator_layers=["conv 4 3x3 stride=2 pad=1 leaky_relu", "dense 1"]),
    # DCGAN's parts: batch norm in both networks (training mode: the batch's statistics, real
    # and fake rows normalized as separate batches), leaky ReLU of slope 0.2. Each batch norm
    # follows a curved activation: a bias right before one has a gradient of exactly 0, which
    # float rounding turns into noise of either sign and Adam's first step into +-lr.
    "dcgan_non_saturating": dict(latent=3, data_shape=[1, 4, 4], loss="non_saturating",
                                 generator_layers=["dense 8 tanh", "reshape 2x2x2", "batchnorm", "relu",
                                                   "deconv 1 4 stride=2 pad=1 tanh"],
                                 discriminator_layers=["conv 4 3x3 stride=2 pad=1 tanh", "batchnorm",
                                                       "leaky_relu_0.2", "dense 1"]),
    # Labels one-hot after G's noise and, as constant planes, after D's image channel.
    "conditional_conv": dict(latent=3, data_shape=[1, 4, 4], loss="non_saturating", classes=3,
                             generator_layers=["dense 8 relu", "reshape 2x2x2", "deconv 1 4 stride=2 pad=1 sigmoid"],
                             discriminator_layers=["conv 4 3x3 stride=2 pad=1 leaky_relu", "dense 1"]),
    # Codes [z | one-hot(k) | u] into G; Q, a linear layer on D's trunk, trains with G.
    "infogan": dict(latent=3, data_shape=[1, 1, 10], loss="non_saturating", categorical=3, continuous=2,
                    info_weight=0.7, generator_layers=["dense 12 relu", "dense 10 sigmoid"],
                    discriminator_layers=["dense 12 leaky_relu", "dense 1"]),
}


def one_hot_planes(labels, classes, repeat):
    """[N, classes * repeat]: each class's indicator repeated (planes after an image)."""
    return F.one_hot(labels, classes).float().repeat_interleave(repeat, dim=1)


def draw_codes(n, c):
    """[z | one-hot(k) | u] for an InfoGAN, else z."""
    z = torch.randn(n, c["latent"])
    k, m = c.get("categorical", 0), c.get("continuous", 0)
    if k + m == 0:
        return z
    return torch.cat([z, F.one_hot(torch.randint(k, (n,)), k).float(), torch.rand(n, m) * 2 - 1], dim=1)


def info_loss(c, codes, q):
    z, k, m = c["latent"], c["categorical"], c["continuous"]
    category = codes[:, z:z + k].argmax(dim=1)
    return F.cross_entropy(q[:, :k], category) + 0.5 * ((q[:, k:] - codes[:, z + k:]) ** 2).sum(dim=1).mean()


def run(layers, x):
    for layer in layers:
        x = layer(x)
    return x.flatten(1)


def run_case(outdir, name, c, seed):
    torch.manual_seed(seed)
    shape = c["data_shape"]
    classes, k, m = c.get("classes", 0), c.get("categorical", 0), c.get("continuous", 0)
    # Labels as planes after an image when D's first layer sees the image, else as values.
    planes = not (shape[0] == 1 and shape[1] == 1) and c["discriminator_layers"][0].split()[0] not in ("dense", "flatten")
    code_width = c["latent"] + k + m
    generator, out_shape = build(c["generator_layers"], [1, 1, code_width + classes])
    assert out_shape == shape, (out_shape, shape)
    judged = [shape[0] + classes, shape[1], shape[2]] if planes else [1, 1, int(np.prod(shape)) + classes]
    discriminator, trunk_shape = build(c["discriminator_layers"][:-1], judged)
    head, _ = build(c["discriminator_layers"][-1:], trunk_shape)
    discriminator += head
    g = parameter_names("generator", generator)
    if k + m > 0:
        q_head, _ = build(["dense %d" % (k + m)], trunk_shape)
        g.update(parameter_names("q", q_head))
    d = parameter_names("discriminator", discriminator)
    folder = os.path.join(outdir, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(c, f)
    save_all(os.path.join(folder, "initial"), dict(g, **d))
    x = torch.rand(BATCH, int(np.prod(shape)))
    z_d, z_g = draw_codes(BATCH, c), draw_codes(BATCH, c)
    for n, t in (("x", x), ("z_d", z_d), ("z_g", z_g)):
        save(os.path.join(folder, n + ".npy"), t)
    y, y_d, y_g = (torch.randint(max(classes, 1), (BATCH,)) for _ in range(3))
    if classes:
        for n, t in (("y", y), ("y_d", y_d), ("y_g", y_g)):
            save(os.path.join(folder, n + ".npy"), t.float())

    def generate(codes, labels):
        return run(generator, torch.cat([codes, F.one_hot(labels, classes).float()], dim=1) if classes else codes)

    def trunk(rows, labels):
        if classes:
            rows = torch.cat([rows, one_hot_planes(labels, classes, shape[1] * shape[2] if planes else 1)], dim=1)
        rows = rows.reshape(rows.shape[0], *judged)
        for layer in discriminator[:-1]:
            rows = layer(rows)
        return rows

    def discriminate(rows, labels):
        return run(discriminator[-1:], trunk(rows, labels))

    d_optimizer = torch.optim.Adam(list(d.values()), lr=D_LR)
    g_optimizer = torch.optim.Adam(list(g.values()), lr=G_LR)
    fake = generate(z_d, y_d).detach()
    d_loss = -F.logsigmoid(discriminate(x, y)).mean() - F.logsigmoid(-discriminate(fake, y_d)).mean()
    d_loss.backward()
    save(os.path.join(folder, "d_loss.npy"), d_loss.reshape(1))
    save_all(os.path.join(folder, "d_grad"), {n: t.grad for n, t in d.items()})
    d_optimizer.step()

    for t in list(g.values()) + list(d.values()):
        t.grad = None
    h = trunk(generate(z_g, y_g), y_g)
    logits = run(discriminator[-1:], h)
    g_loss = -F.softplus(logits).mean() if c["loss"] == "minimax" else -F.logsigmoid(logits).mean()
    whole = g_loss + c["info_weight"] * info_loss(c, z_g, run(q_head, h)) if k + m > 0 else g_loss
    whole.backward()
    save(os.path.join(folder, "g_loss.npy"), g_loss.reshape(1))
    save_all(os.path.join(folder, "g_grad"), {n: t.grad for n, t in g.items()})
    g_optimizer.step()
    save_all(os.path.join(folder, "final"), dict(g, **d))


def main():
    torch.set_num_threads(1)
    for index, (name, c) in enumerate(CASES.items()):
        run_case(sys.argv[1], name, c, 300 + index)


if __name__ == "__main__":
    main()
