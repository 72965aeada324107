"""The network written as an nn.Module class: it runs and computes what the page's nn.Sequential computes."""
import pytest
import torch

from explorer.lessons import snippets
from explorer.network import layers, presets


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_every_preset_as_a_module_class_builds_the_same_network(name):
    model = layers.build(presets.PRESETS[name], seed=1).eval()
    namespace = {}
    exec(snippets.module_class(model), namespace)                 # plain torch: no explorer import
    net = namespace["Net"]().eval()
    ours, theirs = list(model.state_dict().values()), list(net.state_dict().values())
    assert [tuple(t.shape) for t in ours] == [tuple(t.shape) for t in theirs]
    net.load_state_dict(dict(zip(net.state_dict(), ours)))
    x = torch.rand(2, 1, 28, 28)
    with torch.no_grad():
        torch.testing.assert_close(net(x), model(x))
    assert model.training is False and all(not m.training for m in model.modules())
