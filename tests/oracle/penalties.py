"""The code penalties of aekit's objective (models/sparsity.hpp) in PyTorch, shared by the
oracle scripts (mlp_oracle.py, conv_oracle.py). `spec` is aekit's text: "none", "l1:LAMBDA"
or "kl:RHO:BETA"; h is the code [N, K]."""
import torch


def sparsity_penalty(spec, h):
    kind, *values = spec.split(":")
    if kind == "none":
        return 0
    if kind == "l1":
        return float(values[0]) * h.abs().sum() / h.shape[0]  # lambda * (1/N) * sum |h|
    rho, beta = map(float, values)
    rho_hat = h.mean(0)  # [K]
    kl = rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))
    return beta * kl.sum()  # beta * sum_j KL(rho || mean_n h_nj)
