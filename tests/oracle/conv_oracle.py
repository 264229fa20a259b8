#!/usr/bin/python3
"""PyTorch oracle for aekit's convolutional autoencoder (tests/oracle/conv_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/conv_oracle.py OUTDIR

Each case is a conv model written in aekit's layer-list grammar (nn/layer_spec.hpp). This
script builds the same network from the same texts with torch.nn modules and writes into
OUTDIR/<case>/ (all float32, C order):
  config.json         {"input_shape", "encoder_layers", "decoder_layers", "loss", "sparsity"}:
                      the C++ test builds its model from exactly this
  initial/<name>.npy  initial value of every parameter, named as aekit names them:
                      "encoder.<i>.weight" for the i-th layer text of the encoder (conv
                      [O, C, k, k]; deconv [C, O, k, k]; dense [out, in]; batchnorm gamma), ...
  grad/<name>.npy     d objective / d parameter at the initial values on batch 0
  batches.npy         [STEPS * BATCH, C*H*W] data in [0, 1]; batch t is rows t*BATCH..
  loss.npy            [1] the objective on batch 0 at the initial values (training mode)
  trace.npy           [STEPS] objective on batch t before Adam step t
  final/<name>.npy    parameters after the STEPS Adam steps
  buffers/<name>.npy  BatchNorm running_mean / running_var after the steps ("encoder.<i>.")
  inference.npy       [BATCH, C*H*W] sigmoid(z) on batch 0 in eval mode after the steps

Objective: mse = MSELoss(sigmoid(z), x) or bce = BCEWithLogitsLoss(z, x), plus the sparsity
penalty on the code h (flattened), as in tests/oracle/mlp_oracle.py.
"""
import json
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn as nn
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write("conv_oracle.py needs numpy and torch for /usr/bin/python3 "
                     "(python3-numpy, python3-torch; see scripts/install-deps): %s\n" % error)
    sys.exit(3)

from penalties import sparsity_penalty  # noqa: E402 (after the import check)

BATCH = 8
STEPS = 20
LR = 1e-2

CASES = {
    # conv, stride, max pooling, transposed conv with output padding, nearest upsampling.
    "conv_pool_deconv_mse": dict(
        input_shape=[1, 8, 8], loss="mse", sparsity="none",
        encoder_layers=["conv 4 3x3 pad=1 relu", "maxpool 2", "conv 6 3 stride=2 pad=1 tanh"],
        decoder_layers=["deconv 4 3x3 stride=2 pad=1 outpad=1 relu", "upsample 2",
                        "conv 1 3x3 pad=1"]),
    # batchnorm on images and on flat features, average pooling, a dense sigmoid code with kl
    # sparsity, reshape, bilinear upsampling, dilation. (No bias feeds a BatchNorm through a
    # nearly linear path: its gradient would be ~0, rounding noise that no two implementations
    # share, and Adam turns noise into steps of +-lr. The first normalizes the input images, the
    # second relu features pooled and flattened.)
    "batchnorm_dense_code_bce": dict(
        input_shape=[2, 8, 8], loss="bce", sparsity="kl:0.2:0.1",
        encoder_layers=["batchnorm", "conv 4 3x3 pad=1 relu", "avgpool 2", "flatten", "batchnorm",
                        "dense 5 sigmoid"],
        decoder_layers=["dense 32 tanh", "reshape 2x4x4", "upsample 2 bilinear",
                        "conv 3 3x3 pad=2 dilation=2 relu", "deconv 2 3x3 pad=1"]),
    # l1 on a relu code of conv feature maps.
    "l1_feature_maps": dict(
        input_shape=[1, 6, 6], loss="mse", sparsity="l1:0.01",
        encoder_layers=["conv 3 3x3 relu"],
        decoder_layers=["deconv 1 3x3"]),
}

ACTIVATIONS = {"identity": nn.Identity, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU,
               "leaky_relu": nn.LeakyReLU,  # slope 0.01, as aekit's
               "leaky_relu_0.2": lambda: nn.LeakyReLU(0.2)}


def build(texts, shape):
    """(modules, names, shape): one nn.Sequential per layer text, its aekit index, the output
    shape [C, H, W] (flat rows are [1, 1, D])."""
    layers = []
    c, h, w = shape
    for words in (t.split() for t in texts):
        kind, args = words[0], words[1:]
        options = dict(a.split("=") for a in args if "=" in a)
        plain = [a for a in args if "=" not in a]
        act = nn.Identity()
        if plain and plain[-1] in ACTIVATIONS and kind not in ACTIVATIONS:
            act = ACTIVATIONS[plain.pop()]()
        stride, pad = int(options.get("stride", 1)), int(options.get("pad", 0))
        if kind == "conv":
            out, k, dil = int(plain[0]), int(plain[1].split("x")[0]), int(options.get("dilation", 1))
            module = nn.Conv2d(c, out, k, stride, pad, dil)
            h = (h + 2 * pad - dil * (k - 1) - 1) // stride + 1
            w = (w + 2 * pad - dil * (k - 1) - 1) // stride + 1
            c = out
        elif kind == "deconv":
            out, k, outpad = int(plain[0]), int(plain[1].split("x")[0]), int(options.get("outpad", 0))
            module = nn.ConvTranspose2d(c, out, k, stride, pad, outpad)
            h = (h - 1) * stride - 2 * pad + k + outpad
            w = (w - 1) * stride - 2 * pad + k + outpad
            c = out
        elif kind in ("maxpool", "avgpool"):
            k = int(plain[0])
            s = int(options.get("stride", k))
            module = (nn.MaxPool2d if kind == "maxpool" else nn.AvgPool2d)(k, s)
            h, w = (h - k) // s + 1, (w - k) // s + 1
        elif kind == "upsample":
            mode = plain[1] if len(plain) > 1 else "nearest"
            kwargs = {"align_corners": False} if mode == "bilinear" else {}
            module = nn.Upsample(scale_factor=int(plain[0]), mode=mode, **kwargs)
            h, w = h * int(plain[0]), w * int(plain[0])
        elif kind == "dense":
            module = nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, int(plain[0])))
            c, h, w = 1, 1, int(plain[0])
        elif kind == "flatten":
            module = nn.Flatten()
            c, h, w = 1, 1, c * h * w
        elif kind == "reshape":
            c, h, w = map(int, plain[0].split("x"))
            module = nn.Unflatten(1, (c, h, w))
        elif kind == "batchnorm":
            module = nn.BatchNorm1d(w) if c == 1 and h == 1 else nn.BatchNorm2d(c)
        elif kind in ACTIVATIONS:
            module = ACTIVATIONS[kind]()
        else:
            raise SystemExit("conv_oracle.py does not know layer '%s'" % kind)
        layers.append(nn.Sequential(module, act))
    return layers, [c, h, w]


def parameter_names(prefix, layers):
    """aekit name -> the torch tensor, for every parameter of every layer."""
    named = {}
    for i, layer in enumerate(layers):
        for pname, tensor in layer.named_parameters():
            named["%s.%d.%s" % (prefix, i, pname.split(".")[-1])] = tensor
    return named


def buffer_names(prefix, layers):
    named = {}
    for i, layer in enumerate(layers):
        for bname, tensor in layer.named_buffers():
            leaf = bname.split(".")[-1]
            if leaf in ("running_mean", "running_var"):
                named["%s.%d.%s" % (prefix, i, leaf)] = tensor
    return named


class ConvAutoencoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        shape = c["input_shape"]
        encoder, code_shape = build(c["encoder_layers"], shape)
        decoder, out_shape = build(c["decoder_layers"], code_shape)
        assert out_shape == shape, (out_shape, shape)
        self.shape = shape
        self.encoder, self.decoder = nn.ModuleList(encoder), nn.ModuleList(decoder)
        self.params = dict(parameter_names("encoder", encoder), **parameter_names("decoder", decoder))
        self.buffers_by_name = dict(buffer_names("encoder", encoder), **buffer_names("decoder", decoder))

    def forward(self, rows):
        """(code h [N, K], logits z [N, C*H*W]) for rows [N, C*H*W]."""
        x = rows.reshape(rows.shape[0], *self.shape)
        for layer in self.encoder:
            x = layer(x)
        h = x.flatten(1)
        for layer in self.decoder:
            x = layer(x)
        return h, x.flatten(1)


def objective(model, c, x):
    h, z = model(x)
    if c["loss"] == "mse":
        value = nn.MSELoss()(torch.sigmoid(z), x)
    else:
        value = nn.BCEWithLogitsLoss()(z, x)
    return value + sparsity_penalty(c["sparsity"], h)


def save(path, tensor):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, np.ascontiguousarray(tensor.detach().cpu().numpy().astype(np.float32)))


def save_all(folder, named):
    for name, tensor in named.items():
        save(os.path.join(folder, name + ".npy"), tensor)


def run_case(outdir, name, c, seed):
    torch.manual_seed(seed)
    model = ConvAutoencoder(c)
    case_dir = os.path.join(outdir, name)
    os.makedirs(case_dir, exist_ok=True)
    with open(os.path.join(case_dir, "config.json"), "w") as f:
        json.dump({k: c[k] for k in ("input_shape", "encoder_layers", "decoder_layers", "loss",
                                     "sparsity")}, f)
    features = int(np.prod(c["input_shape"]))
    batches = torch.rand(STEPS * BATCH, features)
    save(os.path.join(case_dir, "batches.npy"), batches)
    save_all(os.path.join(case_dir, "initial"), model.params)

    # Objective and gradients on batch 0 at the initial values, in training mode, on a copy
    # (its BatchNorm statistics move; the Adam run starts from the original).
    probe = ConvAutoencoder(c)
    probe.load_state_dict(model.state_dict())
    probe.train()
    value = objective(probe, c, batches[:BATCH])
    value.backward()
    save(os.path.join(case_dir, "loss.npy"), value.reshape(1))
    save_all(os.path.join(case_dir, "grad"), {n: t.grad for n, t in probe.params.items()})

    model.train()
    optimizer = torch.optim.Adam(list(model.params.values()), lr=LR)
    trace = []
    for t in range(STEPS):
        optimizer.zero_grad()
        value = objective(model, c, batches[t * BATCH:(t + 1) * BATCH])
        value.backward()
        optimizer.step()
        trace.append(value.item())
    save(os.path.join(case_dir, "trace.npy"), torch.tensor(trace, dtype=torch.float32))
    save_all(os.path.join(case_dir, "final"), model.params)
    save_all(os.path.join(case_dir, "buffers"), model.buffers_by_name)
    model.eval()
    with torch.no_grad():
        save(os.path.join(case_dir, "inference.npy"), torch.sigmoid(model(batches[:BATCH])[1]))
    print("%s: %d parameters, %s objective %.6f -> %.6f after %d Adam steps"
          % (name, sum(t.numel() for t in model.params.values()), c["loss"], trace[0], trace[-1],
             STEPS))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: conv_oracle.py OUTDIR\n")
        return 2
    torch.set_num_threads(1)
    for index, (name, settings) in enumerate(CASES.items()):
        run_case(sys.argv[1], name, settings, seed=2000 + index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
