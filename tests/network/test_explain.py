"""Every unit explained by hand equals the network's own activation, for every preset and random stacks."""
import numpy as np
import pytest
import torch
from torch import nn

from explorer.network import explain, layers, overview, presets

TYPES = ("conv", "maxpool", "avgpool", "relu", "batchnorm", "dropout")


def scrambled(model: nn.Module) -> nn.Module:
    """Running statistics away from 0 and 1, so BatchNorm in eval mode is really exercised."""
    generator = torch.Generator().manual_seed(7)
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.copy_(torch.rand(module.num_features, generator=generator) - 0.5)
            module.running_var.copy_(torch.rand(module.num_features, generator=generator) + 0.5)
            module.weight.data.copy_(torch.rand(module.num_features, generator=generator) + 0.5)
    return model


def check_every_layer(model: nn.Sequential, x: torch.Tensor, rng, per_layer: int = 6) -> int:
    acts = explain.activations(model, x)
    checked = 0
    for act in acts:
        for _ in range(per_layer):
            position = tuple(int(rng.integers(0, n)) for n in act.output.shape)
            found = explain.explain(acts, act.row, position)
            assert found.agrees, (type(act.module).__name__, act.row, position, found.value, found.actual)
            assert found.actual == pytest.approx(float(act.output[position]))
            checked += 1
    return checked


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_every_layer_of_every_preset(name):
    model = scrambled(layers.build(presets.PRESETS[name], seed=3))
    x = torch.rand(1, 28, 28, generator=torch.Generator().manual_seed(1))
    assert check_every_layer(model, x, np.random.default_rng(0)) >= 6 * len(model)


def random_stack(rng) -> list[dict]:
    specs = []
    for _ in range(int(rng.integers(1, 5))):
        kind = TYPES[int(rng.integers(0, len(TYPES)))]
        spec = {"type": kind}
        if kind == "conv":
            spec |= {"out": int(rng.integers(1, 6)), "k": int(rng.integers(1, 6)), "stride": int(rng.integers(1, 3)),
                     "pad": int(rng.integers(0, 3))}
        elif kind in ("maxpool", "avgpool"):
            k = int(rng.integers(1, 4))
            spec |= {"k": k, "stride": int(rng.integers(1, 3)), "pad": int(rng.integers(0, k // 2 + 1))}
        specs.append(spec)
    return specs + [{"type": "flatten"}, {"type": "linear", "out": int(rng.integers(4, 30))}, {"type": "relu"},
                    {"type": "linear", "out": 10}]


def test_random_valid_stacks():
    rng = np.random.default_rng(11)
    tried = 0
    while tried < 25:
        specs = random_stack(rng)
        if layers.describe(specs).error is not None:
            continue
        tried += 1
        model = scrambled(layers.build(specs, seed=tried))
        check_every_layer(model, torch.rand(1, 28, 28), rng, per_layer=4)


def test_a_convolution_is_written_out_channel_by_channel():
    model = layers.build(presets.PRESETS["lenet_small"], seed=0)
    x = torch.rand(1, 28, 28)
    acts = explain.activations(model, x)
    found = explain.explain(acts, 4, (5, 2, 3))                 # conv 5×5 from 4 maps of 12×12
    assert [t.channel for t in found.terms] == [0, 1, 2, 3]
    conv = model[3]
    for term in found.terms:
        np.testing.assert_allclose(term.window, acts[2].output[term.channel, 2:7, 3:8])
        np.testing.assert_allclose(term.kernel, conv.weight[5, term.channel].detach().double().numpy())
    assert found.bias == pytest.approx(float(conv.bias[5]))
    assert found.value == pytest.approx(sum(t.total for t in found.terms) + found.bias)


def test_flatten_and_dense_units():
    model = layers.build(presets.PRESETS["lenet_small"], seed=0)
    acts = explain.activations(model, torch.rand(1, 28, 28))
    flat = explain.explain(acts, 7, (37,))
    assert flat.source == (2, 1, 1) and flat.value == acts[5].output[2, 1, 1]    # 37 = 2·16 + 1·4 + 1
    dense = explain.explain(acts, 8, (4,))
    assert len(dense.contributions) == explain.TOP_TERMS and dense.rest_count == 128 - explain.TOP_TERMS
    top = sum(w * x for _, w, x in dense.contributions)
    assert dense.value == pytest.approx(top + dense.rest + dense.bias)
    assert abs(dense.contributions[0][1] * dense.contributions[0][2]) >= abs(dense.contributions[-1][1]
                                                                              * dense.contributions[-1][2])


def test_the_overview_has_a_column_per_layer_and_the_probabilities():
    specs = presets.PRESETS["vgg_small"]
    found = overview.overview(layers.build(specs), torch.rand(1, 28, 28), lambda row: f"layer {row}", "in", "p")
    assert [c.shape for c in found.columns[1:-1]] == [r.shape for r in layers.describe(specs).rows]
    assert found.columns[0].shape == (1, 28, 28) and found.columns[-1].shape == (10,)
    assert found.probabilities.sum() == pytest.approx(1.0) and found.predicted == int(np.argmax(found.probabilities))


@pytest.mark.parametrize("name", ["lenet_small", "residual", "bn_net"])
def test_the_backward_chain_is_autograds_gradient_of_the_score_layer_by_layer(name):
    """dout = 1 at the chosen score, then every layer's gradient in reverse, down to the input: checked against
    torch.autograd.grad of that score with respect to each layer's output, taken one by one."""
    from explorer.network import inside
    model = layers.build(presets.PRESETS[name], seed=3).eval()
    x = torch.rand(1, 28, 28)
    chain = inside.backward_chain(model, x, target=4)
    assert [s.row for s in chain] == list(range(len(model), -1, -1))
    for step in chain:
        given = x[None].clone().requires_grad_(True)
        out = model[:step.row](given) if step.row else given
        score = model[step.row:](out)[0, 4]
        grad, = torch.autograd.grad(score, out)
        assert step.shape == tuple(grad[0].shape)
        assert step.max_abs == pytest.approx(float(grad.abs().max()), rel=1e-5, abs=1e-9)
        assert step.mean_abs == pytest.approx(float(grad.abs().mean()), rel=1e-5, abs=1e-9)
    assert chain[0].max_abs == 1.0 and chain[0].mean_abs == pytest.approx(0.1)      # dout: 1 at one of 10 scores


def test_every_branch_of_the_notes_inception_module_is_explained():
    """88 channels in the notes' widths (16, 24, 24, 24): a channel's branch is found by the branches' widths."""
    specs = [{"type": "conv", "out": 8, "k": 3, "pad": 1}, {"type": "relu"}, {"type": "maxpool", "k": 2},
             {"type": "inception", "out": 88}, {"type": "flatten"}, {"type": "linear", "out": 10}]
    model = layers.build(specs, seed=2).eval()
    x = torch.rand(1, 28, 28, generator=torch.Generator().manual_seed(4))
    found = overview.overview(model, x, str, "input", "p")
    for channel, branch in ((0, 0), (15, 0), (16, 1), (39, 1), (40, 2), (64, 3), (87, 3)):
        unit = explain.explain(found.acts, 4, (channel, 3, 5))
        assert unit.agrees and unit.branch == branch, (channel, branch)


def test_activations_and_grad_cam_ignore_another_thread_running_the_same_model():
    """A rerun of the Network page starts while the last one finishes (Streamlit's fast reruns): both run the
    session's model at once. Forward hooks on its layers caught the other thread's passes too (a batch, with
    gradients): the page stopped on "numpy() on a Tensor that requires grad"."""
    import threading

    from explorer.network import why
    model = layers.build(layers.for_classes(presets.PRESETS["lenet_small"], 10), seed=0).eval()
    x, batch = torch.rand(1, 28, 28), torch.rand(16, 1, 28, 28)
    expected = [a.output.shape for a in explain.activations(model, x)]
    cam = why.grad_cam(model, x, 3).values
    done = threading.Event()

    def other() -> None:
        while not done.is_set():
            model(batch).sum().backward()

    thread = threading.Thread(target=other)
    thread.start()
    try:
        for _ in range(200):
            assert [a.output.shape for a in explain.activations(model, x)] == expected
            np.testing.assert_allclose(why.grad_cam(model, x, 3).values, cam, atol=1e-6)
    finally:
        done.set()
        thread.join()
